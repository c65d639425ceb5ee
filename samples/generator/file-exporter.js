// An OpenTelemetry SpanExporter that appends each batch, as one OTLP/JSON ExportTraceServiceRequest per line,
// to a .jsonl file: the same format as the OpenTelemetry Collector's file exporter, and the same JSON the
// OTLP/HTTP JSON exporter sends (serialised by OpenTelemetry's own otlp-transformer).
"use strict";

const fs = require("fs");
const { JsonTraceSerializer } = require("@opentelemetry/otlp-transformer");
const { ExportResultCode } = require("@opentelemetry/core");

class OtlpJsonLinesFileExporter {
  constructor(file) {
    this.file = file;
  }

  export(spans, resultCallback) {
    try {
      const bytes = JsonTraceSerializer.serializeRequest(spans);
      fs.appendFileSync(this.file, Buffer.from(bytes).toString("utf8") + "\n");
      resultCallback({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error });
    }
  }

  shutdown() {
    return Promise.resolve();
  }

  forceFlush() {
    return Promise.resolve();
  }
}

module.exports = { OtlpJsonLinesFileExporter };

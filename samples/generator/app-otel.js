// One application instrumented with the OpenTelemetry JS GenAI instrumentation for the OpenAI client
// (@opentelemetry/instrumentation-openai, OTel GenAI semantic conventions) under the plain OpenTelemetry
// Node SDK - no OpenLLMetry. Unlike OpenLLMetry JS 0.27, it ends failed calls with status ERROR and
// error.type, so these traces carry the samples' LLM errors (429 rate limits, 500s).
//
//   node app-otel.js <scenario>     with MOCK_OPENAI_URL, OUT_FILE [, OTLP_ENDPOINT]
"use strict";

const { NodeSDK } = require("@opentelemetry/sdk-node");
const { SimpleSpanProcessor } = require("@opentelemetry/sdk-trace-base");
const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-proto");
const { OpenAIInstrumentation } = require("@opentelemetry/instrumentation-openai");
const { OtlpJsonLinesFileExporter } = require("./file-exporter");

const spanProcessors = [new SimpleSpanProcessor(new OtlpJsonLinesFileExporter(process.env.OUT_FILE))];
if (process.env.OTLP_ENDPOINT) {
  spanProcessors.push(new SimpleSpanProcessor(new OTLPTraceExporter({ url: process.env.OTLP_ENDPOINT + "/v1/traces" })));
}
const sdk = new NodeSDK({ spanProcessors, instrumentations: [new OpenAIInstrumentation()] });
sdk.start();

// Required after the SDK started, so that the instrumentation patches it.
const OpenAI = require("openai");
const api = require("@opentelemetry/api");
const scenarios = require("./scenarios");

async function main() {
  const scenario = scenarios[process.argv[2]];
  const client = new OpenAI({ apiKey: "sk-local-mock", baseURL: process.env.MOCK_OPENAI_URL + "/v1", maxRetries: 0 });
  await scenario.run({ tracer: api.trace.getTracer("review-assistant", "1.0.0"), api, client });
  await sdk.shutdown();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// One instrumented LLM application (a "service"), run as its own process so that each has its own
// OpenTelemetry resource. The OpenAI client is instrumented by OpenLLMetry (@traceloop/node-server-sdk, which
// brings @traceloop/instrumentation-openai); workflows, agents, tasks and tools are traced with the SDK's
// withWorkflow / withAgent / withTask / withTool. Spans go to OUT_FILE (OTLP/JSON lines) and, when
// OTLP_ENDPOINT is set, also to an OTLP/HTTP protobuf endpoint such as otel-mcp's own receiver.
//
//   node app.js <scenario>     with MOCK_OPENAI_URL, OUT_FILE [, OTLP_ENDPOINT]
"use strict";

const traceloop = require("@traceloop/node-server-sdk");
const OpenAI = require("openai");
const { SimpleSpanProcessor } = require("@opentelemetry/sdk-trace-base");
const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-proto");
const { OtlpJsonLinesFileExporter } = require("./file-exporter");
const scenarios = require("./scenarios");

async function main() {
  const name = process.argv[2];
  const scenario = scenarios[name];
  if (!scenario) {
    throw new Error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(", ")}`);
  }
  const options = {
    appName: scenario.service,
    exporter: new OtlpJsonLinesFileExporter(process.env.OUT_FILE),
    disableBatch: true,
    traceloopSyncEnabled: false,
    silenceInitializationMessage: true,
    instrumentModules: { openAI: OpenAI },
  };
  if (process.env.OTLP_ENDPOINT) {
    options.processor = new SimpleSpanProcessor(new OTLPTraceExporter({ url: process.env.OTLP_ENDPOINT + "/v1/traces" }));
  }
  traceloop.initialize(options);
  const client = new OpenAI({ apiKey: "sk-local-mock", baseURL: process.env.MOCK_OPENAI_URL + "/v1", maxRetries: 0 });
  await scenario.run({ traceloop, client });
  await traceloop.forceFlush();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Regenerates samples/*.jsonl: starts the mock OpenAI server, runs every scenario as its own instrumented
// process (one OpenTelemetry resource per service), and writes one OTLP/JSON lines file per service.
//
//   npm run generate                       # writes ../<service>.jsonl
//   OTLP_ENDPOINT=http://127.0.0.1:4318 npm run generate   # also exports OTLP/HTTP protobuf to otel-mcp
"use strict";

const fs = require("fs");
const path = require("path");
const { execFile } = require("child_process");
const mock = require("./mock-openai");
const scenarios = require("./scenarios");

const OUT_DIR = path.resolve(__dirname, "..");

const ENVIRONMENTS = {
  "support-bot": "deployment.environment=production,service.version=2.14.1",
  "travel-agent": "deployment.environment=production,service.version=0.9.3",
  "analytics-copilot": "deployment.environment=staging,service.version=1.2.0",
  "docs-rag": "deployment.environment=production,service.version=3.0.7",
  "review-assistant": "deployment.environment=production,service.version=1.8.2",
};

function run(name, mockUrl) {
  const out = path.join(OUT_DIR, `${name}.jsonl`);
  fs.rmSync(out, { force: true });
  const env = Object.assign({}, process.env, {
    MOCK_OPENAI_URL: mockUrl,
    OUT_FILE: out,
    OTEL_SERVICE_NAME: name,
    OTEL_RESOURCE_ATTRIBUTES: ENVIRONMENTS[name],
    OTEL_TRACES_EXPORTER: "none",
    OTEL_METRICS_EXPORTER: "none",
    OTEL_LOGS_EXPORTER: "none",
    OTEL_NODE_RESOURCE_DETECTORS: "env,os,process",
    TRACELOOP_TELEMETRY: "false",
  });
  return new Promise((resolve, reject) => {
    const app = scenarios[name].sdk === "otel" ? "app-otel.js" : "app.js";
    execFile(process.execPath, [path.join(__dirname, app), name], { env }, (error, stdout, stderr) => {
      if (stderr.trim()) console.error(`[${name}] ${stderr.trim()}`);
      if (error) return reject(error);
      const lines = fs.readFileSync(out, "utf8").trim().split("\n").length;
      console.log(`${name}: ${lines} export requests -> ${path.relative(process.cwd(), out)}`);
      resolve();
    });
  });
}

async function main() {
  const server = await mock.start();
  const mockUrl = `http://127.0.0.1:${server.address().port}`;
  console.log(`mock OpenAI server on ${mockUrl}`);
  try {
    await Promise.all(Object.keys(scenarios).map((name) => run(name, mockUrl)));
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

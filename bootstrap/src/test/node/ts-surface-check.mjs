// Drives the real otel-mcp jar with the official TypeScript MCP client (2025-11-25 era) through everything beside
// tool calls: server instructions, resources and the trace template, every prompt, and completion of every kind
// of argument. Prints one JSON report; exits 1 on the first failed check.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { checkCompletions, checkPrompts, checkTraceCompletion } from "./surface-checks.mjs";

const [java, jar, ...serverArgs] = process.argv.slice(2);
const report = { checks: [] };

function check(name, ok, detail) {
  report.checks.push({ name, ok, detail: typeof detail === "string" ? detail.slice(0, 300) : detail });
  if (!ok) {
    report.failed = name;
    console.log(JSON.stringify(report));
    process.exit(1);
  }
}

const transport = new StdioClientTransport({ command: java, args: ["-jar", jar, ...serverArgs], stderr: "ignore" });
const client = new Client({ name: "ts-surface-check", version: "1.0.0" });
await client.connect(transport);

const capabilities = client.getServerCapabilities();
check("declares resources, prompts and completions",
  capabilities.resources !== undefined && capabilities.prompts !== undefined && capabilities.completions !== undefined,
  capabilities);
const instructions = client.getInstructions() ?? "";
check("instructions fit 1.5 KB", instructions.length > 200 && Buffer.byteLength(instructions) <= 1536,
  Buffer.byteLength(instructions));
check("instructions say span text is untrusted", instructions.includes("untrusted"), instructions);

const { resources } = await client.listResources();
const uris = resources.map((r) => r.uri).sort();
check("lists the resources", JSON.stringify(uris) === JSON.stringify(["otel://docs/conventions", "otel://docs/filters",
  "otel://docs/paging", "otel://pricing", "otel://services"]), uris);
report.resources = {};
for (const resource of resources) {
  const read = await client.readResource({ uri: resource.uri });
  const content = read.contents[0];
  check(`reads ${resource.uri}`, content.uri === resource.uri && content.mimeType === resource.mimeType
    && content.text.length > 100, content.text);
  report.resources[resource.uri] = content.text.length;
}
const services = JSON.parse((await client.readResource({ uri: "otel://services" })).contents[0].text);
check("otel://services lists services with operations",
  services.count > 0 && services.services.every((s) => Array.isArray(s.operations) && s.operations.length > 0),
  services);
const conventions = (await client.readResource({ uri: "otel://docs/conventions" })).contents[0].text;
check("conventions name the token attributes", conventions.includes("`gen_ai.usage.input_tokens`")
  && conventions.includes("`llm.token_count.prompt`"), conventions);
const pricing = (await client.readResource({ uri: "otel://pricing" })).contents[0].text;
check("pricing names the table and its date", pricing.includes("genai-prices") && /as of \d{4}-\d{2}-\d{2}/.test(pricing),
  pricing);

const { resourceTemplates } = await client.listResourceTemplates();
check("lists the trace template", resourceTemplates.length === 1
  && resourceTemplates[0].uriTemplate === "otel://trace/{trace_id}", resourceTemplates);
const traceId = await checkTraceCompletion(client, check);
const trace = JSON.parse((await client.readResource({ uri: `otel://trace/${traceId}` })).contents[0].text);
check("the trace template reads the trace's summary", trace.trace?.trace_id === traceId, trace.trace);
let missing;
try {
  await client.readResource({ uri: "otel://trace/0123456789abcdef0123456789abcdef" });
} catch (e) {
  missing = e;
}
check("an unknown trace is an error naming it and what to do", missing !== undefined
  && missing.message.includes("not found") && missing.message.includes("search_traces"), missing?.message);

const tools = await checkCompletions(client, check, services, traceId);
await checkPrompts(client, check, services, traceId, tools[0]);

const docs = await client.callTool({ name: "get_docs", arguments: { topic: "filters" } });
check("get_docs gives the filter language", docs.isError !== true && docs.structuredContent.text.includes("not_exists"),
  docs.structuredContent);
await client.close();
report.ok = true;
console.log(JSON.stringify(report));

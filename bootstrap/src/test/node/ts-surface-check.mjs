// Drives the real otel-mcp jar with the official TypeScript MCP client (2025-11-25 era) through everything beside
// tool calls: server instructions, resources and the trace template, every prompt, and completion of every kind
// of argument. Prints one JSON report; exits 1 on the first failed check.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

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
const recent = await client.complete({ ref: { type: "ref/resource", uri: "otel://trace/{trace_id}" },
  argument: { name: "trace_id", value: "" } });
check("completes recent trace ids", recent.completion.values.length > 0
  && recent.completion.values.every((id) => /^[0-9a-f]{32}$/.test(id)), recent.completion);
const traceId = recent.completion.values[0];
const narrowed = await client.complete({ ref: { type: "ref/resource", uri: "otel://trace/{trace_id}" },
  argument: { name: "trace_id", value: traceId.slice(0, 3).toUpperCase() } });
check("trace id completion matches a prefix, any case", narrowed.completion.values.includes(traceId)
  && narrowed.completion.values.every((id) => id.startsWith(traceId.slice(0, 3))), narrowed.completion);
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

const { prompts } = await client.listPrompts();
const names = prompts.map((p) => p.name).sort();
check("lists the prompts", JSON.stringify(names) === JSON.stringify(["agent_tool_usage", "compare_models", "cost_report",
  "debug_slow_trace", "investigate_errors"]), names);

async function complete(prompt, argument, value, context) {
  const result = await client.complete({ ref: { type: "ref/prompt", name: prompt }, argument: { name: argument, value },
    ...(context ? { context: { arguments: context } } : {}) });
  return result.completion;
}

const serviceNames = await complete("investigate_errors", "service_name", "");
check("completes service names", serviceNames.values.length === services.count, serviceNames);
const service = services.services[0];
const operations = await complete("investigate_errors", "operation_name", "", { service_name: service.name });
check("completes the operations of the service given", JSON.stringify(operations.values.sort())
  === JSON.stringify([...service.operations].sort()), operations);
const models = await complete("compare_models", "models", "gpt");
check("completes model names", models.values.length > 0 && models.values.every((m) => m.startsWith("gpt")), models);
const second = await complete("compare_models", "models", `${models.values[0]},`);
check("completes the second model of a list", second.values.length > 0
  && second.values.every((m) => m.startsWith(`${models.values[0]},`) && m !== `${models.values[0]},${models.values[0]}`),
  second);
const tools = await complete("agent_tool_usage", "tool_name", "");
check("completes the agents' tool names", tools.values.length > 0, tools);
const windows = await complete("cost_report", "window", "-");
check("completes windows", windows.values.includes("-24h"), windows);
const groupings = await complete("cost_report", "group_by", "d");
check("completes groupings", JSON.stringify(groupings.values) === JSON.stringify(["day"]), groupings);
const traceIds = await complete("debug_slow_trace", "trace_id", traceId.slice(0, 4));
check("completes trace ids for a prompt", traceIds.values.includes(traceId), traceIds);

const rendered = {
  investigate_errors: [{ service_name: service.name, window: "-1h" }, ["find_errors", "get_trace", `"start_time":"-1h"`]],
  cost_report: [{ group_by: "day" }, ["get_llm_usage", `"interval":"1d"`, "get_llm_expensive_traces"]],
  compare_models: [{ models: "gpt-4o, gpt-4o-mini" }, ["compare_llm_models", `"models":["gpt-4o","gpt-4o-mini"]`]],
  debug_slow_trace: [{ trace_id: traceId }, ["get_trace", traceId]],
  agent_tool_usage: [{ tool_name: tools.values[0] }, ["list_llm_tools", "search_spans", tools.values[0]]],
};
for (const [name, [args, expected]] of Object.entries(rendered)) {
  const prompt = await client.getPrompt({ name, arguments: args });
  const body = prompt.messages.map((m) => m.content.text).join("\n");
  check(`prompt ${name} names its tools and arguments`, expected.every((part) => body.includes(part))
    && body.includes("untrusted"), body);
}
let noTrace;
try {
  await client.getPrompt({ name: "debug_slow_trace", arguments: {} });
} catch (e) {
  noTrace = e;
}
check("a missing prompt argument is an error naming it", noTrace?.message.includes("trace_id"), noTrace?.message);

const docs = await client.callTool({ name: "get_docs", arguments: { topic: "filters" } });
check("get_docs gives the filter language", docs.isError !== true && docs.structuredContent.text.includes("not_exists"),
  docs.structuredContent);
await client.close();
report.ok = true;
console.log(JSON.stringify(report));

// Drives the real otel-mcp jar with the official TypeScript MCP client, the client most IDE assistants are
// built on, and checks what a model would receive: readable errors (the client validates structuredContent
// against the tool's output schema, even on errors), answers within the token budget, and paging that
// returns every span of a trace exactly once. Prints one JSON report; exits 1 on the first failed check.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [java, jar, ...serverArgs] = process.argv.slice(2);
const report = { checks: [] };
const MAX_TOKENS = 25000;

function check(name, ok, detail) {
  report.checks.push({ name, ok, detail });
  if (!ok) {
    report.failed = name;
    console.log(JSON.stringify(report));
    process.exit(1);
  }
}

function text(result) {
  return result.content.map((c) => c.text ?? "").join("");
}

const transport = new StdioClientTransport({ command: java, args: ["-jar", jar, ...serverArgs], stderr: "ignore" });
const client = new Client({ name: "ts-client-check", version: "1.0.0" });
await client.connect(transport);
const { tools } = await client.listTools();
check("lists tools", tools.length >= 13, tools.length);

async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  const tokens = Math.ceil(text(result).length / 4);
  check(`${name} fits ${MAX_TOKENS} tokens`, tokens <= MAX_TOKENS, tokens);
  return result;
}

function errorOf(result) {
  return JSON.parse(text(result)).error;
}

const missing = await call("get_trace", { trace_id: "0123456789abcdef0123456789abcdef" });
check("unknown trace id is a readable tool error", missing.isError === true && errorOf(missing).code === "NOT_FOUND",
  text(missing));
const badTime = await call("search_traces", { start_time: "yesterday-ish" });
check("bad start_time is a readable tool error",
  badTime.isError === true && errorOf(badTime).code === "INVALID_ARGUMENT" && errorOf(badTime).message.includes("start_time"),
  text(badTime));
const badLimit = await call("search_spans", { limit: 0 });
check("bad limit is a readable tool error", badLimit.isError === true && errorOf(badLimit).message.includes("limit"),
  text(badLimit));
const unknownTool = await call("get_traces", {});
check("unknown tool names itself and the valid ones",
  unknownTool.isError === true && text(unknownTool).includes("get_traces") && text(unknownTool).includes("get_trace,"),
  text(unknownTool));

for (const tool of ["list_services", "search_traces", "search_spans", "find_errors", "get_llm_usage", "list_llm_models",
  "get_llm_expensive_traces", "get_llm_slow_traces", "list_llm_tools"]) {
  const result = await call(tool, {});
  check(`${tool} answers`, result.isError !== true && result.structuredContent !== undefined, text(result).slice(0, 300));
}

const search = await call("search_traces", { limit: 100 });
const traces = search.structuredContent.traces;
const biggest = traces.reduce((a, b) => ((b.span_count ?? 0) > (a.span_count ?? 0) ? b : a));
const summary = await call("get_trace", { trace_id: biggest.trace_id });
check("get_trace states the trace's token total", typeof summary.structuredContent.llm?.total_tokens === "number",
  summary.structuredContent.llm);
report.trace = { trace_id: biggest.trace_id, span_count: summary.structuredContent.trace.span_count,
  total_tokens: summary.structuredContent.llm.total_tokens };

const seen = new Set();
let pages = 0;
let cursor;
do {
  const page = await call("get_trace", cursor ? { cursor } : { trace_id: biggest.trace_id, view: "spans" });
  check("a spans page is not an error", page.isError !== true, text(page).slice(0, 300));
  for (const span of page.structuredContent.spans) {
    check("each span exactly once", !seen.has(span.span_id), span.span_id);
    seen.add(span.span_id);
  }
  cursor = page.structuredContent.next_cursor;
  pages++;
} while (cursor && pages < 1000);
check("paging returned every span", seen.size === report.trace.span_count, `${seen.size} of ${report.trace.span_count}`);
report.trace.pages = pages;

const ping = await call("list_services", {});
check("the session survived every call", ping.isError !== true, text(ping).slice(0, 200));
await client.close();
report.ok = true;
console.log(JSON.stringify(report));

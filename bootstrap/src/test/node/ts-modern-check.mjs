// Drives the real otel-mcp jar with the official TypeScript MCP client 2.x pinned to protocol 2026-07-28 (the
// stateless era: server/discover instead of initialize, cacheable lists) through its whole surface: discovery,
// tools (errors, progress), resources and the trace template, every prompt, and completion of every kind of
// argument. Prints one JSON report; exits 1 on the first failed check.
//
//   node ts-modern-check.mjs stdio <java> <jar> <server args...>
//   node ts-modern-check.mjs http <url>            the same checks over Streamable HTTP, plus the HTTP headers
//   node ts-modern-check.mjs legacy-http <url>     the 2025-11-25 era (initialize) against the same HTTP server
//
// The raw JSON-RPC results are read off the transport (the client keeps ttlMs/cacheScope on list results, but not
// everything, e.g. the _meta of a read), and over HTTP every request and response is recorded by a fetch wrapper.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { checkCompletions, checkPrompts, checkTraceCompletion } from "./surface-checks.mjs";

const MODERN = "2026-07-28";
const SERVER_INFO = "io.modelcontextprotocol/serverInfo";
const [mode, ...rest] = process.argv.slice(2);
const report = { mode, checks: [] };

// KEEP_GOING=1 records every failed check (and every section that threw) instead of stopping at the first.
const keepGoing = process.env.KEEP_GOING === "1";

function check(name, ok, detail) {
  report.checks.push({ name, ok, detail: typeof detail === "string" ? detail.slice(0, 300) : detail });
  if (!ok) {
    report.failed ??= name;
    if (!keepGoing) {
      console.log(JSON.stringify(report));
      process.exit(1);
    }
  }
  return ok;
}

/** Runs one group of checks; with KEEP_GOING an exception there is a failed check and the next group runs. */
async function section(name, body) {
  try {
    await body();
  } catch (e) {
    check(`${name}: no exception`, false, `${e?.constructor?.name} ${e?.code ?? ""} ${e?.message ?? e}`);
  }
}

function finish() {
  report.ok = report.failed === undefined;
  console.log(JSON.stringify(report));
  process.exit(report.ok ? 0 : 1);
}

function text(result) {
  return (result.content ?? []).map((c) => c.text ?? "").join("");
}

function errorOf(result) {
  try {
    return JSON.parse(text(result)).error ?? {};
  } catch {
    return {};
  }
}

async function failure(promise) {
  try {
    return { result: await promise };
  } catch (e) {
    return { error: { name: e?.constructor?.name, code: e?.code, message: e?.message ?? String(e), data: e?.data } };
  }
}

// Every message sent and received, by JSON-RPC id: the raw result of a request, as the server wrote it.
const sent = new Map();
const received = new Map();

function tap(transport) {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    if (message.id !== undefined && message.method) {
      sent.set(message.id, message);
    }
    return send(message, options);
  };
  let handler;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    get: () => handler && ((message, extra) => {
      if (message.id !== undefined && (message.result !== undefined || message.error !== undefined)) {
        received.set(message.id, message);
      }
      return handler(message, extra);
    }),
    set: (h) => {
      handler = h;
    },
  });
  return transport;
}

/** The raw response to the last request of this method (and, optionally, these params) that went over the wire. */
function lastRaw(method, match = () => true) {
  const ids = [...sent.values()].filter((m) => m.method === method && match(m.params ?? {})).map((m) => m.id);
  for (const id of ids.reverse()) {
    if (received.has(id)) {
      return received.get(id);
    }
  }
  return undefined;
}

function wireCount(method) {
  return [...sent.values()].filter((m) => m.method === method).length;
}

// Over HTTP, every exchange: method (from the body), status, the request's and the response's headers.
const exchanges = [];
async function recordingFetch(url, init = {}) {
  const response = await fetch(url, init);
  let method;
  try {
    method = typeof init.body === "string" ? JSON.parse(init.body).method : undefined;
  } catch {
    method = undefined;
  }
  const requestHeaders = Object.fromEntries(new Headers(init.headers ?? {}).entries());
  exchanges.push({ http: init.method ?? "GET", method, status: response.status, requestHeaders,
    responseHeaders: Object.fromEntries(response.headers.entries()) });
  return response;
}

// Subclassed so that the client probes in place instead of starting a second, short-lived JVM for the probe.
class CheckedStdioTransport extends StdioClientTransport {}

function transportFor(kind, args) {
  if (kind === "stdio") {
    const [java, jar, ...serverArgs] = args;
    return new CheckedStdioTransport({ command: java, args: ["-jar", jar, ...serverArgs], stderr: "ignore" });
  }
  return new StreamableHTTPClientTransport(new URL(args[0]), { fetch: recordingFetch });
}

if (mode === "legacy-http") {
  const client = new Client({ name: "ts-modern-check", version: "1.0.0" }, { versionNegotiation: { mode: "legacy" } });
  await client.connect(tap(transportFor("http", rest)));
  await section("legacy", async () => {
    check("the legacy era is negotiated", client.getProtocolEra() === "legacy"
      && client.getNegotiatedProtocolVersion() !== MODERN, [client.getProtocolEra(), client.getNegotiatedProtocolVersion()]);
    report.protocolVersion = client.getNegotiatedProtocolVersion();
    check("initialize names the server", client.getServerVersion()?.name === "otel-mcp", client.getServerVersion());
    const { tools } = await client.listTools();
    report.tools = tools.map((t) => t.name);
    check("lists 14 tools", tools.length === 14, report.tools);
    const services = await client.callTool({ name: "list_services", arguments: {} });
    check("list_services answers", services.isError !== true && Array.isArray(services.structuredContent?.services),
      text(services));
    report.services = services.structuredContent?.services;
    check("initialize was sent, server/discover was not",
      wireCount("initialize") === 1 && wireCount("server/discover") === 0, [...sent.values()].map((m) => m.method));
    report.sessionId = exchanges.map((e) => e.responseHeaders["mcp-session-id"]).find((s) => s) ?? null;
  });
  await client.close();
  finish();
}

if (mode !== "stdio" && mode !== "http") {
  console.error("usage: ts-modern-check.mjs stdio <java> <jar> <args...> | http <url> | legacy-http <url>");
  process.exit(2);
}

const client = new Client({ name: "ts-modern-check", version: "1.0.0" },
  { versionNegotiation: { mode: { pin: MODERN }, probe: { timeoutMs: 120000 } } });
await client.connect(tap(transportFor(mode, rest)), { timeout: 120000 });

// What later sections need from earlier ones (with KEEP_GOING they run even if an earlier one failed).
let serviceCatalogue = { count: 0, services: [] };
let traceId = "";
let toolNames = [];

await section("connect", async () => {
  check("the modern era is negotiated", client.getProtocolEra() === "modern", client.getProtocolEra());
  check(`protocol ${MODERN} is negotiated`, client.getNegotiatedProtocolVersion() === MODERN,
    client.getNegotiatedProtocolVersion());
  check("initialize was never sent", wireCount("initialize") === 0, [...sent.values()].map((m) => m.method));
});

await section("server/discover", async () => {
  const discovered = await client.discover();
  const rawDiscover = lastRaw("server/discover")?.result ?? client.getDiscoverResult();
  check("discover lists the supported versions", discovered.supportedVersions?.includes(MODERN),
    discovered.supportedVersions);
  report.supportedVersions = discovered.supportedVersions;
  const capabilities = discovered.capabilities ?? {};
  check("discover declares tools, resources, prompts and completions", capabilities.tools !== undefined
    && capabilities.resources !== undefined && capabilities.prompts !== undefined
    && capabilities.completions !== undefined, capabilities);
  const instructions = discovered.instructions ?? "";
  check("discover gives instructions within 1.5 KB", instructions.length > 200
    && Buffer.byteLength(instructions) <= 1536, Buffer.byteLength(instructions));
  check("the instructions say span text is untrusted", instructions.includes("untrusted"), instructions);
  const serverInfo = rawDiscover?._meta?.[SERVER_INFO] ?? client.getServerVersion();
  check("discover names the server otel-mcp", serverInfo?.name === "otel-mcp" && typeof serverInfo?.version === "string",
    serverInfo);
  check("discover is cacheable", typeof rawDiscover?.ttlMs === "number" && rawDiscover.ttlMs > 0
    && ["public", "private"].includes(rawDiscover?.cacheScope),
  { ttlMs: rawDiscover?.ttlMs, cacheScope: rawDiscover?.cacheScope });
  report.discover = { ttlMs: rawDiscover?.ttlMs, cacheScope: rawDiscover?.cacheScope, serverInfo };
});

await section("tools/list", async () => {
  const listed = await client.listTools();
  const rawList = lastRaw("tools/list")?.result;
  // 'refresh' sends the second list over the wire even while the first one is fresh in the client's cache.
  const again = await client.listTools(undefined, { cacheMode: "refresh" });
  report.tools = listed.tools.map((t) => t.name);
  check("lists 14 tools", listed.tools.length === 14, report.tools);
  check("tools/list went over the wire twice", wireCount("tools/list") >= 2, wireCount("tools/list"));
  check("the second list has the same tools in the same order",
    JSON.stringify(again.tools.map((t) => t.name)) === JSON.stringify(report.tools), again.tools.map((t) => t.name));
  check("tools/list is cacheable", typeof rawList?.ttlMs === "number"
    && ["public", "private"].includes(rawList?.cacheScope), { ttlMs: rawList?.ttlMs, cacheScope: rawList?.cacheScope });
  check("the client keeps ttlMs and cacheScope of the list", listed.ttlMs === rawList?.ttlMs
    && listed.cacheScope === rawList?.cacheScope, { ttlMs: listed.ttlMs, cacheScope: listed.cacheScope });
  report.toolsList = { ttlMs: rawList?.ttlMs, cacheScope: rawList?.cacheScope };
  check("every result names the server", rawList?._meta?.[SERVER_INFO]?.name === "otel-mcp", rawList?._meta);
  for (const tool of listed.tools) {
    const a = tool.annotations ?? {};
    check(`${tool.name} has a title, read-only idempotent annotations and both schemas`,
      typeof tool.title === "string" && tool.title.length > 0 && a.readOnlyHint === true && a.destructiveHint === false
      && a.idempotentHint === true && tool.inputSchema?.type === "object" && tool.outputSchema?.type === "object",
      { title: tool.title, annotations: a, input: tool.inputSchema?.type, output: tool.outputSchema?.type });
  }
});

await section("tools/call", async () => {
  const services = await client.callTool({ name: "list_services", arguments: {} });
  check("list_services answers with services", services.isError !== true
    && Array.isArray(services.structuredContent?.services) && services.structuredContent.services.length > 0,
    text(services));
  report.services = services.structuredContent?.services;
  const raw = lastRaw("tools/call", (p) => p.name === "list_services")?.result;
  check("a tool result says it is complete", raw?.resultType === "complete", raw?.resultType);
});

await section("tool errors", async () => {
  const missing = await client.callTool({ name: "get_trace", arguments: { trace_id: "0123456789abcdef0123456789abcdef" } });
  check("an unknown trace id is a readable tool error", missing.isError === true && errorOf(missing).code === "NOT_FOUND"
    && typeof errorOf(missing).message === "string" && typeof errorOf(missing).hint === "string", text(missing));
  const badTime = await client.callTool({ name: "search_traces", arguments: { start_time: "yesterday-ish" } });
  check("a bad start_time is a readable tool error", badTime.isError === true
    && errorOf(badTime).code === "INVALID_ARGUMENT" && errorOf(badTime).message?.includes("start_time"), text(badTime));
  const unknownTool = await failure(client.callTool({ name: "get_traces", arguments: {} }));
  // 2026-07-28 makes an unknown tool a protocol error (-32602); its message still names the tools
  report.unknownTool = unknownTool.error ?? text(unknownTool.result);
  check("an unknown tool is a -32602 error naming itself and the valid ones", unknownTool.error !== undefined
    && unknownTool.error.code === -32602 && unknownTool.error.message.includes("get_traces")
    && unknownTool.error.message.includes("get_trace,"), report.unknownTool);
});

await section("progress", async () => {
  const progress = [];
  const usage = await client.callTool({ name: "get_llm_usage", arguments: {} }, { onprogress: (p) => progress.push(p) });
  check("get_llm_usage answers with a progress handler", usage.isError !== true && usage.structuredContent !== undefined,
    text(usage).slice(0, 300));
  const request = [...sent.values()].filter((m) => m.method === "tools/call" && m.params?.name === "get_llm_usage").pop();
  check("the call carried a progress token", request?.params?._meta?.progressToken !== undefined, request?.params);
  report.progressNotifications = progress.length;
  const docs = await client.callTool({ name: "get_docs", arguments: { topic: "filters" } });
  check("get_docs gives the filter language", docs.isError !== true
    && String(docs.structuredContent?.text).includes("not_exists"), docs.structuredContent ?? text(docs));
});

await section("resources", async () => {
  const { resources } = await client.listResources();
  const uris = resources.map((r) => r.uri).sort();
  check("lists the resources", JSON.stringify(uris) === JSON.stringify(["otel://docs/conventions", "otel://docs/filters",
    "otel://docs/paging", "otel://pricing", "otel://services"]), uris);
  const rawResources = lastRaw("resources/list")?.result;
  check("resources/list is cacheable by anyone (the catalogue holds no telemetry)", typeof rawResources?.ttlMs === "number"
    && rawResources?.cacheScope === "public",
  { ttlMs: rawResources?.ttlMs, cacheScope: rawResources?.cacheScope });
  report.resources = {};
  for (const resource of resources) {
    // 'bypass' so that every read goes over the wire and its raw result can be looked at.
    const read = await client.readResource({ uri: resource.uri }, { cacheMode: "bypass" });
    const content = read.contents[0];
    check(`reads ${resource.uri}`, content.uri === resource.uri && content.mimeType === resource.mimeType
      && typeof content.text === "string" && content.text.length > 100, content);
    const raw = lastRaw("resources/read", (p) => p.uri === resource.uri)?.result;
    // Telemetry (the services) is the client's only; documents and prices are the same for everyone.
    const scope = resource.uri === "otel://services" ? "private" : "public";
    check(`the read of ${resource.uri} is cacheable (${scope})`, typeof raw?.ttlMs === "number"
      && raw?.cacheScope === scope, { ttlMs: raw?.ttlMs, cacheScope: raw?.cacheScope });
    report.resources[resource.uri] = { mimeType: content.mimeType, length: content.text?.length, ttlMs: raw?.ttlMs,
      cacheScope: raw?.cacheScope };
  }
  serviceCatalogue = JSON.parse((await client.readResource({ uri: "otel://services" })).contents[0].text);
  check("otel://services lists services with operations", serviceCatalogue.count > 0
    && serviceCatalogue.services.every((s) => Array.isArray(s.operations) && s.operations.length > 0), serviceCatalogue);
});

await section("resource template", async () => {
  const { resourceTemplates } = await client.listResourceTemplates();
  check("lists the trace template", resourceTemplates.length === 1
    && resourceTemplates[0].uriTemplate === "otel://trace/{trace_id}", resourceTemplates);
  traceId = await checkTraceCompletion(client, check);
  const traceRead = await client.readResource({ uri: `otel://trace/${traceId}` });
  const trace = JSON.parse(traceRead.contents[0].text);
  check("the trace template reads the trace's summary", trace.trace?.trace_id === traceId
    && traceRead.contents[0].mimeType === "application/json", trace.trace);
  const rawTrace = lastRaw("resources/read", (p) => p.uri === `otel://trace/${traceId}`)?.result;
  check("the read of a trace is cacheable by this client only", typeof rawTrace?.ttlMs === "number"
    && rawTrace?.cacheScope === "private", { ttlMs: rawTrace?.ttlMs, cacheScope: rawTrace?.cacheScope });
  report.trace = { trace_id: traceId, ttlMs: rawTrace?.ttlMs, cacheScope: rawTrace?.cacheScope };
});

await section("unknown trace", async () => {
  const unknownTrace = await failure(client.readResource({ uri: "otel://trace/0123456789abcdef0123456789abcdef" }));
  report.unknownTrace = unknownTrace.error ?? unknownTrace.result;
  check("an unknown trace is a -32602 error naming what to do", unknownTrace.error !== undefined
    && unknownTrace.error.code === -32602 && /not found/i.test(unknownTrace.error.message)
    && unknownTrace.error.message.includes("search_traces"), unknownTrace);
});

await section("completions", async () => {
  toolNames = await checkCompletions(client, check, serviceCatalogue, traceId);
});

await section("prompts", async () => {
  await checkPrompts(client, check, serviceCatalogue, traceId, toolNames[0] ?? "");
  const rawPrompts = lastRaw("prompts/list")?.result;
  check("prompts/list is cacheable", typeof rawPrompts?.ttlMs === "number"
    && ["public", "private"].includes(rawPrompts?.cacheScope),
  { ttlMs: rawPrompts?.ttlMs, cacheScope: rawPrompts?.cacheScope });
});

// Over HTTP: what went over the wire.
if (mode === "http") {
  await section("http", async () => {
    const posts = exchanges.filter((e) => e.http === "POST");
    report.http = posts.map((e) => `${e.method} ${e.status} ${e.responseHeaders["content-type"] ?? ""}`);
    check("every POST carried the protocol version and method headers", posts.every((e) =>
      e.requestHeaders["mcp-protocol-version"] === MODERN && e.requestHeaders["mcp-method"] === e.method),
    posts.map((e) => [e.method, e.requestHeaders["mcp-protocol-version"], e.requestHeaders["mcp-method"]]));
    check("no session is opened", exchanges.every((e) => e.responseHeaders["mcp-session-id"] === undefined),
      exchanges.map((e) => e.responseHeaders["mcp-session-id"]));
    const answered = posts.filter((e) => ["server/discover", "tools/list", "resources/list", "prompts/list"]
      .includes(e.method));
    check("discover and the lists are answered 200 as JSON or an event stream", answered.length > 0
      && answered.every((e) => e.status === 200
        && /^(application\/json|text\/event-stream)/.test(e.responseHeaders["content-type"] ?? "")),
    answered.map((e) => [e.method, e.status, e.responseHeaders["content-type"]]));
    check("no GET stream is opened in the stateless era", exchanges.every((e) => e.http !== "GET"),
      exchanges.map((e) => `${e.http} ${e.status}`));
  });
}

await client.close();
report.wire = { requests: sent.size, responses: received.size };
finish();

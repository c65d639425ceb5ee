// The checks both protocol eras share beyond tools: the trace template and its completion, completion of every
// argument kind, and every prompt. The 1.x client (ts-surface-check.mjs) and the 2.x client (ts-modern-check.mjs)
// have the same calls for them; each script adds what only its era has.

export const PROMPTS = ["agent_tool_usage", "compare_models", "cost_report", "debug_slow_trace", "investigate_errors"];
const TEMPLATE = "otel://trace/{trace_id}";

/** The promise's result, or the error it failed with: a check reads either. */
async function settled(promise) {
  try {
    return { result: await promise };
  } catch (error) {
    return { error };
  }
}

/** Completes recent trace ids for the template, by an empty and by a prefix in upper case; returns the newest id. */
export async function checkTraceCompletion(client, check) {
  const recent = await client.complete({ ref: { type: "ref/resource", uri: TEMPLATE },
    argument: { name: "trace_id", value: "" } });
  check("completes recent trace ids", recent.completion.values.length > 0
    && recent.completion.values.every((id) => /^[0-9a-f]{32}$/.test(id)), recent.completion);
  const traceId = recent.completion.values[0] ?? "";
  const narrowed = await client.complete({ ref: { type: "ref/resource", uri: TEMPLATE },
    argument: { name: "trace_id", value: traceId.slice(0, 3).toUpperCase() } });
  check("trace id completion matches a prefix, any case", narrowed.completion.values.includes(traceId)
    && narrowed.completion.values.every((id) => id.startsWith(traceId.slice(0, 3))), narrowed.completion);
  return traceId;
}

/**
 * Completes every kind of prompt argument against what the server holds.
 *
 * @param services the otel://services resource, read
 * @returns the agents' tool names completed
 */
export async function checkCompletions(client, check, services, traceId) {
  const complete = async (prompt, argument, value, context) => (await client.complete({
    ref: { type: "ref/prompt", name: prompt }, argument: { name: argument, value },
    ...(context ? { context: { arguments: context } } : {}) })).completion;
  const serviceNames = await complete("investigate_errors", "service_name", "");
  check("completes service names", serviceNames.values.length === services.count, serviceNames);
  const service = services.services[0] ?? { name: "", operations: [] };
  const operations = await complete("investigate_errors", "operation_name", "", { service_name: service.name });
  check("completes the operations of the service given", JSON.stringify([...operations.values].sort())
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
  return tools.values;
}

/** Lists the prompts, gets each with arguments, and asks for one without its required argument. */
export async function checkPrompts(client, check, services, traceId, tool) {
  const { prompts } = await client.listPrompts();
  const names = prompts.map((p) => p.name).sort();
  check("lists the prompts", JSON.stringify(names) === JSON.stringify(PROMPTS), names);
  const service = services.services[0] ?? { name: "" };
  const rendered = {
    investigate_errors: [{ service_name: service.name, window: "-1h" }, ["find_errors", "get_trace", `"start_time":"-1h"`]],
    cost_report: [{ group_by: "day" }, ["get_llm_usage", `"interval":"1d"`, "get_llm_expensive_traces"]],
    compare_models: [{ models: "gpt-4o, gpt-4o-mini" }, ["compare_llm_models", `"models":["gpt-4o","gpt-4o-mini"]`]],
    debug_slow_trace: [{ trace_id: traceId }, ["get_trace", traceId]],
    agent_tool_usage: [{ tool_name: tool }, ["list_llm_tools", "search_spans", tool]],
  };
  for (const [name, [args, expected]] of Object.entries(rendered)) {
    const prompt = await settled(client.getPrompt({ name, arguments: args }));
    const body = (prompt.result?.messages ?? []).map((m) => m.content.text).join("\n");
    check(`prompt ${name} names its tools and arguments`, expected.every((part) => body.includes(part))
      && body.includes("untrusted"), prompt.error?.message ?? body);
  }
  const noTrace = await settled(client.getPrompt({ name: "debug_slow_trace", arguments: {} }));
  check("a missing prompt argument is an error naming it", noTrace.error?.message?.includes("trace_id") === true,
    noTrace.error?.message ?? noTrace.result);
}

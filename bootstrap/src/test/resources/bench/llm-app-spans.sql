-- The benchmark's LLM-app spans, made inside ClickHouse (ClickHouseBenchmark): N traces of five services
-- shaped like the bundled samples (samples/*.jsonl), in the Collector clickhouse exporter's Map schema, starting in
-- the 23.5 hours before the run's "now". Per trace, by service (t % 5), 8/12/10/6/14 spans (10 on
-- average): an HTTP server root, an orchestration span (OpenLLMetry workflow, OTel GenAI invoke_agent or
-- invoke_workflow, which repeats a model or provider and is no call), then
--   support-bot       llm, tool, llm, ...         OpenLLMetry keys (gen_ai.provider.name, total tokens), gpt-4o(-mini)
--   travel-agent      llm, tool, llm, tool, ...   OTel GenAI keys (gen_ai.system), claude-sonnet-4 / gpt-4o
--   docs-rag          embeddings, retrieve task, llm, tool, ...   text-embedding-3-small, gpt-4o-mini
--   review-assistant  llm, llm, ...               OTel GenAI keys, gemini-2.5-flash / o3-mini (reasoning tokens)
--   research-agent    wrapper, llm under it, tool, ...  a LangChain-style wrapper repeating the usage of the provider
--                     span under it (only the leaf counts), claude-3-5-haiku / claude-sonnet-4, cache tokens
-- Tools are gen_ai.operation.name=execute_tool spans. 2 % of calls (none in research-agent) and 3 % of tools fail
-- with an exception event; 4 % of calls stop for length, cut by max tokens. Every value is a string, as the exporter
-- writes them; absent keys are left out (mapFilter). Ids are hashes of (trace, span) numbers, so a run is repeatable.
INSERT INTO {{table}} (Timestamp, TraceId, SpanId, ParentSpanId, TraceState, SpanName, SpanKind, ServiceName,
  ResourceAttributes, ScopeName, ScopeVersion, SpanAttributes, Duration, StatusCode, StatusMessage,
  `Events.Timestamp`, `Events.Name`, `Events.Attributes`, `Links.TraceId`, `Links.SpanId`, `Links.TraceState`,
  `Links.Attributes`)
SELECT
  fromUnixTimestamp64Nano(toInt64(trace_start + s * 700000000 + h % 200000000)) AS Timestamp,
  trace_id AS TraceId,
  leftPad(lower(hex(cityHash64(t, s))), 16, '0') AS SpanId,
  multiIf(s = 0, '', svc = 4 AND role = 'llm', leftPad(lower(hex(cityHash64(t, s - 1))), 16, '0'),
    s = 1, leftPad(lower(hex(cityHash64(t, 0))), 16, '0'), leftPad(lower(hex(cityHash64(t, 1))), 16, '0')) AS ParentSpanId,
  '' AS TraceState,
  multiIf(role = 'root', 'POST ' || route,
    role = 'agent', ['answer_ticket.workflow', 'invoke_agent travel_planner', 'rag_answer.workflow', 'invoke_workflow review_pull_request', 'invoke_agent researcher'][svc + 1],
    role = 'tool', 'execute_tool ' || tool,
    role = 'task', 'retrieve.task',
    role = 'wrapper', 'ChatAnthropic.chat',
    role = 'embedding', 'embeddings ' || request_model,
    svc = 4, 'anthropic.chat',
    'chat ' || request_model) AS SpanName,
  multiIf(role = 'root', 'Server', role IN ('llm', 'embedding'), 'Client', 'Internal') AS SpanKind,
  service AS ServiceName,
  map('service.name', service, 'service.version', ['2.14.1', '0.9.3', '3.0.7', '1.8.2', '0.4.0'][svc + 1],
    'deployment.environment', if(t % 7 = 0, 'staging', 'production'), 'telemetry.sdk.language', 'nodejs',
    'telemetry.sdk.name', 'opentelemetry', 'process.pid', toString(1000 + t % 16)) AS ResourceAttributes,
  multiIf(role = 'root', '@opentelemetry/instrumentation-http', role IN ('llm', 'embedding') AND svc IN (1, 3),
    '@opentelemetry/instrumentation-openai', role = 'wrapper', '@traceloop/instrumentation-langchain',
    role IN ('llm', 'embedding'), '@traceloop/instrumentation-openai', '@traceloop/node-server-sdk') AS ScopeName,
  '' AS ScopeVersion,
  mapFilter((k, v) -> v != '', map(
    'http.request.method', if(role = 'root', 'POST', ''),
    'http.route', if(role = 'root', route, ''),
    'http.response.status_code', if(role = 'root', if(root_error, '500', '200'), ''),
    'traceloop.workflow.name', if(svc IN (0, 2) AND role != 'root', ['answer_ticket', '', 'rag_answer'][svc + 1], ''),
    'traceloop.span.kind', multiIf(role = 'agent' AND svc IN (0, 2), 'workflow', role = 'task', 'task', ''),
    'traceloop.entity.name', multiIf(role = 'agent' AND svc IN (0, 2), ['answer_ticket', '', 'rag_answer'][svc + 1],
      role = 'task', 'retrieve', ''),
    'gen_ai.operation.name', multiIf(role = 'agent' AND svc IN (1, 4), 'invoke_agent',
      role = 'agent' AND svc = 3, 'invoke_workflow', role = 'tool', 'execute_tool', role = 'embedding', 'embeddings',
      role = 'llm', 'chat', ''),
    'llm.request.type', if(role = 'wrapper', 'chat', ''),
    'gen_ai.agent.name', if(role = 'agent' AND svc IN (1, 4), ['', 'travel_planner', '', '', 'researcher'][svc + 1], ''),
    'gen_ai.tool.name', if(role = 'tool', tool, ''),
    'gen_ai.tool.call.id', if(role = 'tool', 'call_' || substring(hex(h), 1, 12), ''),
    'gen_ai.provider.name', if(is_call AND svc IN (0, 2, 4) OR role = 'agent' AND svc = 4, provider, ''),
    'gen_ai.system', if(is_call AND svc IN (1, 3), provider, ''),
    'gen_ai.request.model', if(is_call OR role = 'agent' AND svc IN (1, 4), request_model, ''),
    'gen_ai.response.model', if(is_call AND NOT failed, response_model, ''),
    'gen_ai.response.id', if(is_call AND NOT failed, 'chatcmpl-' || lower(hex(h)), ''),
    'gen_ai.usage.input_tokens', if(is_call AND NOT failed, toString(input_tokens), ''),
    'gen_ai.usage.output_tokens', if(is_call AND NOT failed AND role != 'embedding', toString(output_tokens), ''),
    'gen_ai.usage.total_tokens', if(is_call AND NOT failed AND svc IN (0, 2, 4),
      toString(input_tokens + if(role = 'embedding', 0, output_tokens)), ''),
    'gen_ai.usage.cache_read.input_tokens', if(is_call AND NOT failed AND cached, toString(intDiv(input_tokens, 2)), ''),
    'gen_ai.usage.cache_creation.input_tokens', if(is_call AND NOT failed AND svc = 4 AND NOT cached AND bitShiftRight(h, 40) % 5 = 0,
      toString(intDiv(input_tokens, 3)), ''),
    'gen_ai.usage.reasoning.output_tokens', if(is_call AND NOT failed AND request_model = 'o3-mini',
      toString(intDiv(output_tokens, 2)), ''),
    'gen_ai.response.finish_reasons', if(is_call AND NOT failed AND role != 'embedding', finish, ''),
    'gen_ai.request.temperature', if(role IN ('llm', 'wrapper'), '0.2', ''),
    'gen_ai.request.max_tokens', if(role IN ('llm', 'wrapper'), '800', ''),
    'error.type', if(failed OR tool_failed, if(role = 'tool', 'TimeoutError', 'RateLimitError'), ''),
    'gen_ai.conversation.id', if(svc IN (0, 1), 'conv-' || toString(t % 50000), '')
  )) AS SpanAttributes,
  toUInt64(multiIf(role = 'root', k * 700 + 8000, role = 'agent', k * 700 + 7000, role = 'wrapper', 9000,
    role IN ('llm'), 400 + bitShiftRight(h, 12) % 6000, role = 'embedding', 80 + bitShiftRight(h, 12) % 300, role = 'task', 50 + bitShiftRight(h, 12) % 200,
    30 + bitShiftRight(h, 12) % 800) * 1000000 + h % 1000000) AS Duration,
  if(failed OR tool_failed OR role = 'root' AND root_error, 'Error', 'Unset') AS StatusCode,
  multiIf(failed, '429 Rate limit reached for requests', tool_failed, 'tool timed out after 30s',
    role = 'root' AND root_error, 'Internal Server Error', '') AS StatusMessage,
  if(failed OR tool_failed, [fromUnixTimestamp64Nano(toInt64(trace_start + s * 700000000 + h % 200000000 + 1000000))],
    []) AS `Events.Timestamp`,
  if(failed OR tool_failed, ['exception'], []) AS `Events.Name`,
  if(failed OR tool_failed, [map('exception.type', if(tool_failed, 'TimeoutError', 'RateLimitError'),
    'exception.message', if(tool_failed, 'tool timed out after 30s', '429 Rate limit reached for requests'))],
    []) AS `Events.Attributes`,
  [] AS `Links.TraceId`, [] AS `Links.SpanId`, [] AS `Links.TraceState`, [] AS `Links.Attributes`
FROM (
  SELECT t, svc, k, s, trace_start, trace_id, cityHash64(t, s) AS h,
    ['support-bot', 'travel-agent', 'docs-rag', 'review-assistant', 'research-agent'][svc + 1] AS service,
    ['/v1/tickets/answer', '/v1/trips/plan', '/v1/ask', '/v1/reviews', '/v1/research'][svc + 1] AS route,
    multiIf(s = 0, 'root', s = 1, 'agent',
      svc = 0, ['llm', 'tool', 'llm'][(s - 2) % 3 + 1],
      svc = 1, ['llm', 'tool'][(s - 2) % 2 + 1],
      svc = 2, ['embedding', 'task', 'llm', 'tool'][(s - 2) % 4 + 1],
      svc = 3, 'llm',
      ['wrapper', 'llm', 'tool'][(s - 2) % 3 + 1]) AS role,
    role IN ('llm', 'embedding', 'wrapper') AS is_call,
    -- a model per call; a wrapper and the provider span under it name the same one
    cityHash64(t, if(svc = 4 AND role = 'llm', s - 1, s), 'model') % 10 AS pick,
    multiIf(role = 'embedding', 'text-embedding-3-small',
      svc = 0, if(pick < 7, 'gpt-4o-mini', 'gpt-4o'),
      svc = 1, if(pick < 5, 'claude-sonnet-4-20250514', 'gpt-4o'),
      svc = 2, 'gpt-4o-mini',
      svc = 3, if(pick < 6, 'gemini-2.5-flash', 'o3-mini'),
      if(pick < 6, 'claude-3-5-haiku-20241022', 'claude-sonnet-4-20250514')) AS request_model,
    multiIf(request_model = 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', request_model = 'gpt-4o', 'gpt-4o-2024-08-06',
      request_model = 'o3-mini', 'o3-mini-2025-01-31', request_model) AS response_model,
    multiIf(startsWith(request_model, 'claude'), 'anthropic', startsWith(request_model, 'gemini'), 'gcp.gemini',
      'openai') AS provider,
    -- usage: a wrapper repeats the tokens of the provider span under it
    cityHash64(t, if(svc = 4 AND role = 'wrapper', s + 1, s), 'usage') AS u,
    200 + u % 3800 AS input_tokens,
    20 + bitShiftRight(u, 16) % 780 AS output_tokens,
    provider = 'anthropic' AND bitShiftRight(u, 32) % 3 = 0 AS cached,
    -- 2 % of calls fail (none in research-agent, whose wrapper spans would count as calls of their own then)
    role IN ('llm', 'embedding') AND svc != 4 AND h % 50 = 7 AS failed,
    role = 'tool' AND h % 33 = 5 AS tool_failed,
    cityHash64(t, 'root') % 40 = 3 AS root_error,
    multiIf(bitShiftRight(u, 40) % 25 = 0, '["length"]', svc IN (0, 1) AND s + 1 < k AND role = 'llm', '["tool_calls"]',
      '["stop"]') AS finish,
    [['lookup_order', 'refund_status'], ['search_flights', 'get_weather'], ['search_docs', 'search_docs'],
      ['run_linter', 'run_linter'], ['web_search', 'fetch_page']][svc + 1][h % 2 + 1] AS tool
  FROM (
    SELECT number AS t, number % 5 AS svc, [8, 12, 10, 6, 14][svc + 1] AS k,
      toInt64({{now_ns}}) - 60000000000 - toInt64(cityHash64(t, 'start') % 84600000000000) AS trace_start,
      leftPad(lower(hex(cityHash64(t, 'trace-hi'))), 16, '0') || leftPad(lower(hex(cityHash64(t, 'trace-lo'))), 16, '0')
        AS trace_id
    FROM numbers({{traces}}))
  ARRAY JOIN range(k) AS s
)

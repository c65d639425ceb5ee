// A local, OpenAI-compatible HTTP server for generating sample traces without any real LLM API.
// Deterministic: the same request sequence gives the same answers. Implements what the scenarios use:
//   POST /v1/chat/completions  (plain, tool calls, streaming with usage, 429 rate limits, 500s)
//   POST /v1/embeddings
// Usage figures follow OpenAI's shape, including prompt_tokens_details.cached_tokens and
// completion_tokens_details.reasoning_tokens for the models that report them.
"use strict";

const http = require("http");
const crypto = require("crypto");

const ANSWERS = [
  "Your order #48213 shipped yesterday via UPS and should arrive on Thursday. The tracking number is 1Z999AA10123456784.",
  "I found three flights from Lisbon to Berlin on 14 March: TP 558 at 07:40 (189 EUR), LH 1169 at 11:05 (214 EUR) and FR 2081 at 18:30 (96 EUR).",
  "The query returned 1,284 rows. Revenue in Q3 was 4.2M USD, up 12% on Q2, driven mostly by the EMEA region.",
  "Sure - here is a short summary: the customer reports that the export button does nothing on Safari 17; it works on Chrome.",
  "Refunds are processed within 5-7 business days after the returned item reaches our warehouse.",
  "The function leaks a file handle when the early return on line 42 is taken; wrap the open() in a with-block.",
  "It will be 18 degrees Celsius and partly cloudy in Porto tomorrow, with a light breeze from the north-west.",
];

function countTokens(text) {
  return Math.max(1, Math.ceil(String(text || "").length / 4));
}

function promptTokens(body) {
  let total = 0;
  for (const message of body.messages || []) {
    total += 4 + countTokens(typeof message.content === "string" ? message.content : JSON.stringify(message.content));
  }
  if (body.tools) total += countTokens(JSON.stringify(body.tools));
  return total;
}

function pick(seed, list) {
  const hash = crypto.createHash("sha256").update(seed).digest();
  return list[hash.readUInt32BE(0) % list.length];
}

function usageFor(model, prompt, completion, cachedShare) {
  const usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: Math.floor(prompt * cachedShare / 64) * 64, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0 },
  };
  if (model.startsWith("o")) {
    const reasoning = 64 * (1 + (prompt % 9));
    usage.completion_tokens_details.reasoning_tokens = reasoning;
    usage.completion_tokens += reasoning;
    usage.total_tokens += reasoning;
  }
  return usage;
}

function start(options = {}) {
  let calls = 0;
  const rateLimitEvery = options.rateLimitEvery || 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      calls++;
      let body = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch (e) {
        return send(res, 400, { error: { message: "invalid JSON", type: "invalid_request_error" } });
      }
      const model = body.model || "gpt-4o-mini";
      const lastUser = [...(body.messages || [])].reverse().find((m) => m.role === "user");
      const text = lastUser ? String(lastUser.content) : "";
      if (text.includes("[simulate:429]") || (rateLimitEvery && calls % rateLimitEvery === 0)) {
        res.setHeader("retry-after", "2");
        res.setHeader("x-ratelimit-remaining-requests", "0");
        return send(res, 429, { error: { message: `Rate limit reached for ${model} in organization org-local on `
          + "requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.",
          type: "requests", param: null, code: "rate_limit_exceeded" } });
      }
      if (text.includes("[simulate:500]")) {
        return send(res, 500, { error: { message: "The server had an error while processing your request.",
          type: "server_error", param: null, code: null } });
      }
      if (req.url.startsWith("/v1/embeddings")) {
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        const tokens = inputs.reduce((n, s) => n + countTokens(s), 0);
        return send(res, 200, { object: "list", model,
          data: inputs.map((_, i) => ({ object: "embedding", index: i, embedding: vector(String(inputs[i])) })),
          usage: { prompt_tokens: tokens, total_tokens: tokens } });
      }
      if (!req.url.startsWith("/v1/chat/completions")) {
        return send(res, 404, { error: { message: `Unknown request URL: POST ${req.url}`, type: "invalid_request_error" } });
      }
      const id = "chatcmpl-" + crypto.createHash("sha1").update(raw + calls).digest("hex").slice(0, 24);
      const prompt = promptTokens(body);
      const cachedShare = prompt > 1024 ? 0.75 : prompt > 256 ? 0.5 : 0;
      const wantsTool = body.tools && body.tools.length > 0
        && !(body.messages || []).some((m) => m.role === "tool");
      let message;
      let finish;
      if (wantsTool) {
        const tool = body.tools[0].function;
        message = { role: "assistant", content: null, refusal: null, tool_calls: [{
          id: "call_" + id.slice(9, 33), type: "function",
          function: { name: tool.name, arguments: JSON.stringify(argumentsFor(tool.name, text)) } }] };
        finish = "tool_calls";
      } else {
        message = { role: "assistant", content: pick(raw, ANSWERS), refusal: null };
        finish = "stop";
      }
      const completion = countTokens(message.content || JSON.stringify(message.tool_calls));
      const usage = usageFor(model, prompt, completion, cachedShare);
      const created = Math.floor(Date.now() / 1000);
      const responseModel = resolvedModel(model);
      if (body.stream) {
        return stream(res, { id, created, model: responseModel, message, finish, usage,
          includeUsage: body.stream_options && body.stream_options.include_usage });
      }
      const delay = 40 + (prompt % 200) + completion * 3;
      setTimeout(() => send(res, 200, {
        id, object: "chat.completion", created, model: responseModel,
        system_fingerprint: "fp_" + id.slice(9, 19),
        service_tier: "default",
        choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
        usage,
      }), delay);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function resolvedModel(model) {
  const versions = { "gpt-4o": "gpt-4o-2024-08-06", "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
    "o3-mini": "o3-mini-2025-01-31", "gpt-4.1": "gpt-4.1-2025-04-14" };
  return versions[model] || model;
}

function argumentsFor(name, text) {
  switch (name) {
    case "lookup_order": return { order_id: (text.match(/\d{5}/) || ["48213"])[0] };
    case "search_flights": return { origin: "LIS", destination: "BER", date: "2026-03-14" };
    case "get_weather": return { city: "Porto", unit: "celsius" };
    case "run_sql": return { query: "SELECT region, SUM(revenue) FROM sales WHERE quarter = 'Q3' GROUP BY region" };
    default: return {};
  }
}

function vector(text) {
  const hash = crypto.createHash("sha256").update(text).digest();
  return Array.from({ length: 16 }, (_, i) => Number(((hash[i] - 128) / 128).toFixed(6)));
}

function stream(res, { id, created, model, message, finish, usage, includeUsage }) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  const chunk = (delta, finishReason, extra) => `data: ${JSON.stringify(Object.assign({ id,
    object: "chat.completion.chunk", created, model, system_fingerprint: "fp_" + id.slice(9, 19),
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] }, extra || {}))}\n\n`;
  const parts = [chunk({ role: "assistant", content: "" }, null)];
  for (const word of (message.content || "").split(/(?<= )/)) parts.push(chunk({ content: word }, null));
  parts.push(chunk({}, finish));
  if (includeUsage) parts.push(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model,
    choices: [], usage })}\n\n`);
  parts.push("data: [DONE]\n\n");
  let i = 0;
  const timer = setInterval(() => {
    res.write(parts[i++]);
    if (i === parts.length) {
      clearInterval(timer);
      res.end();
    }
  }, 8);
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_" + crypto.randomUUID() });
  res.end(json);
}

module.exports = { start };

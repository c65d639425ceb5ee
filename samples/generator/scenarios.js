// The applications whose traces make up samples/: each is a small but real agent or RAG flow over the
// OpenAI client. Requests are deterministic; a few fail on purpose (rate limit 429, server error 500, a tool
// that throws) so that find_errors has something to find.
"use strict";

const TOOLS = {
  lookup_order: { description: "Look up an order by its id", parameters: { type: "object",
    properties: { order_id: { type: "string" } }, required: ["order_id"] } },
  search_flights: { description: "Search flights between two airports on a date", parameters: { type: "object",
    properties: { origin: { type: "string" }, destination: { type: "string" }, date: { type: "string" } },
    required: ["origin", "destination", "date"] } },
  get_weather: { description: "Current weather forecast for a city", parameters: { type: "object",
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city"] } },
  run_sql: { description: "Run a read-only SQL query on the analytics warehouse", parameters: { type: "object",
    properties: { query: { type: "string" } }, required: ["query"] } },
};

function tool(name) {
  return { type: "function", function: Object.assign({ name }, TOOLS[name]) };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A tool-using agent turn: ask, run the tool the model picked, answer with its result. */
async function agentTurn({ traceloop, client }, { model, system, question, toolName, toolResult, toolFails }) {
  const messages = [{ role: "system", content: system }, { role: "user", content: question }];
  const first = await client.chat.completions.create({ model, messages, tools: [tool(toolName)], temperature: 0.2 });
  const call = first.choices[0].message.tool_calls && first.choices[0].message.tool_calls[0];
  if (!call) return first.choices[0].message.content;
  const output = await traceloop.withTool({ name: call.function.name }, async () => {
    await sleep(20 + question.length % 60);
    if (toolFails) throw new Error(`${call.function.name} failed: upstream returned 503 Service Unavailable`);
    return toolResult;
  });
  messages.push(first.choices[0].message);
  messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(output) });
  const second = await client.chat.completions.create({ model, messages, temperature: 0.2 });
  return second.choices[0].message.content;
}

async function safely(work) {
  try {
    return await work();
  } catch (error) {
    return `failed: ${error.message}`;
  }
}

const SUPPORT_QUESTIONS = [
  "Where is my order 48213? It was supposed to arrive on Monday.",
  "Can I get a refund for order 51877? The blender arrived broken.",
  "How long do refunds take?",
  "My order 50012 shows delivered but I never got it.",
  "Do you ship to Norway?",
  "I was charged twice for order 49920 [simulate:429]",
  "What is your return policy for opened electronics?",
  "Change the delivery address of order 52231 to 12 Rua Augusta, Lisbon.",
  "Is order 47755 a gift order?",
  "Why was my card declined for order 53001?",
  "Cancel order 52990 please.",
  "Can I pick up order 48800 in store?",
];

const TRAVEL_REQUESTS = [
  "Find me a flight from Lisbon to Berlin on 14 March and tell me the weather there.",
  "I need to be in Berlin by noon on 14 March, leaving from Lisbon.",
  "What's the cheapest way from Lisbon to Berlin mid March?",
  "Plan a weekend in Porto: weather and flights from Berlin.",
  "Is it going to rain in Porto tomorrow? [simulate:500]",
  "Book the 07:40 Lisbon to Berlin flight for two adults.",
  "Compare morning and evening flights Lisbon-Berlin on 14 March.",
  "Will I need a jacket in Porto tomorrow?",
  "Find a flight LIS-BER on 14/03 under 150 EUR.",
  "Weather in Porto this weekend and a flight back to Lisbon.",
];

const ANALYTICS_QUESTIONS = [
  "What was revenue by region in Q3?",
  "Which product category grew fastest quarter on quarter?",
  "Show churned customers in EMEA with more than 10 seats.",
  "What is the average order value by month this year?",
  "Top 5 accounts by revenue in Q3",
  "How many trials converted to paid in October?",
  "Revenue in APAC excluding refunds, Q2 vs Q3",
  "Which sales rep closed the most deals last quarter?",
];

const DOC_QUESTIONS = [
  "How do I rotate an API key?",
  "What does error E1042 mean when importing a CSV?",
  "Can I export dashboards as PDF?",
  "How do I configure SSO with Okta?",
  "What are the rate limits of the public API?",
  "How do I delete a workspace?",
  "Does the Safari 17 export bug have a workaround?",
  "Where do I find the audit log?",
  "How do I invite a guest user?",
  "What data is retained after a workspace is deleted?",
];

const DOCS = [
  "API keys can be rotated under Settings > Security > API keys. Old keys stay valid for 24 hours.",
  "E1042 means the CSV header row has duplicate column names. Rename the duplicates and import again.",
  "Dashboards can be exported as PDF or PNG from the share menu; scheduled exports need the Business plan.",
  "SSO with Okta uses SAML 2.0: create an app in Okta, then paste its metadata URL under Settings > SSO.",
  "The public API allows 600 requests per minute per workspace; bursts above that get HTTP 429.",
];

const PULL_REQUESTS = [
  { id: 1412, title: "Retry uploads on 503", files: 3 },
  { id: 1413, title: "Add CSV export to reports [simulate:429]", files: 7 },
  { id: 1415, title: "Fix file handle leak in importer", files: 1 },
  { id: 1416, title: "Bump dependencies", files: 12 },
  { id: 1418, title: "Cache exchange rates for an hour", files: 4 },
  { id: 1419, title: "Migrate settings page to the new form library [simulate:500]", files: 9 },
  { id: 1421, title: "Validate webhook signatures", files: 2 },
  { id: 1422, title: "Paginate the audit log API", files: 5 },
  { id: 1424, title: "Remove the legacy billing flag [simulate:429]", files: 6 },
];

/** A span around async work, ended with ERROR and the exception when the work throws. */
async function inSpan({ tracer, api }, name, attributes, kind, work) {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error);
      span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
      throw error;
    } finally {
      span.end();
    }
  });
}

module.exports = {
  "support-bot": {
    service: "support-bot",
    async run(ctx) {
      for (const [i, question] of SUPPORT_QUESTIONS.entries()) {
        await safely(() => ctx.traceloop.withWorkflow({ name: "answer_ticket", associationProperties: {
          ticket_id: `T-${9100 + i}`, customer_tier: i % 3 === 0 ? "gold" : "standard" } }, async () => {
          const intent = await ctx.traceloop.withTask({ name: "classify_intent" }, async () => {
            const r = await ctx.client.chat.completions.create({ model: "gpt-4o-mini", messages: [
              { role: "system", content: "Classify the customer message as one of: order_status, refund, shipping, other." },
              { role: "user", content: question }], temperature: 0 });
            return r.choices[0].message.content;
          });
          if (/order \d{5}/.test(question)) {
            return ctx.traceloop.withAgent({ name: "order_agent" }, () => agentTurn(ctx, {
              model: "gpt-4o-mini", system: "You are a helpful support agent for an online shop.", question,
              toolName: "lookup_order", toolResult: { status: "shipped", carrier: "UPS", eta: "Thursday" } }));
          }
          // Short answers stream, as chat UIs do.
          const stream = await ctx.client.chat.completions.create({ model: "gpt-4o-mini", stream: true,
            stream_options: { include_usage: true }, messages: [
              { role: "system", content: "Answer briefly. Intent: " + intent }, { role: "user", content: question }] });
          let text = "";
          for await (const chunk of stream) text += (chunk.choices[0] && chunk.choices[0].delta.content) || "";
          return text;
        }));
      }
    },
  },

  "travel-agent": {
    service: "travel-agent",
    async run(ctx) {
      for (const [i, request] of TRAVEL_REQUESTS.entries()) {
        await safely(() => ctx.traceloop.withWorkflow({ name: "plan_trip", associationProperties: {
          session_id: `s-${4400 + i}` } }, () => ctx.traceloop.withAgent({ name: "travel_planner" }, async () => {
          const plan = await ctx.client.chat.completions.create({ model: "gpt-4o", messages: [
            { role: "system", content: "Break the travel request into steps. Reply with a numbered list." },
            { role: "user", content: request }], temperature: 0.3, max_tokens: 400 });
          const flights = /flight|LIS|Lisbon/.test(request) ? await agentTurn(ctx, { model: "gpt-4o",
            system: "You are a travel agent. Use tools to find facts.", question: request,
            toolName: "search_flights", toolResult: [{ flight: "TP 558", dep: "07:40", price_eur: 189 },
              { flight: "FR 2081", dep: "18:30", price_eur: 96 }], toolFails: i === 6 }) : "";
          const weather = /weather|rain|jacket|Porto/.test(request) ? await agentTurn(ctx, { model: "gpt-4o-mini",
            system: "You are a travel agent. Use tools to find facts.", question: request,
            toolName: "get_weather", toolResult: { city: "Porto", temperature_c: 18, sky: "partly cloudy" } }) : "";
          return [plan.choices[0].message.content, flights, weather].join("\n");
        })));
      }
    },
  },

  "analytics-copilot": {
    service: "analytics-copilot",
    async run(ctx) {
      for (const [i, question] of ANALYTICS_QUESTIONS.entries()) {
        await safely(() => ctx.traceloop.withWorkflow({ name: "answer_with_sql" }, async () => {
          const schema = await ctx.traceloop.withTask({ name: "retrieve_schema" }, async () => {
            await ctx.client.embeddings.create({ model: "text-embedding-3-small", input: question });
            return "sales(region, quarter, revenue, product, rep), customers(id, region, seats, churned_at)";
          });
          return agentTurn(ctx, { model: "o3-mini", system: "Write SQL for the question over this schema: " + schema,
            question, toolName: "run_sql", toolResult: { rows: 1284, sample: [["EMEA", 2100000], ["NA", 1500000]] },
            toolFails: i === 3 });
        }));
      }
    },
  },

  "docs-rag": {
    service: "docs-rag",
    async run(ctx) {
      for (const question of DOC_QUESTIONS) {
        await safely(() => ctx.traceloop.withWorkflow({ name: "rag_answer" }, async () => {
          const passages = await ctx.traceloop.withTask({ name: "retrieve" }, async () => {
            await ctx.client.embeddings.create({ model: "text-embedding-3-small", input: [question] });
            return DOCS.slice(0, 3 + (question.length % 3));
          });
          const context = passages.join("\n\n").repeat(12); // long, repeated context: the prompt-cache case
          const r = await ctx.client.chat.completions.create({ model: "gpt-4.1", temperature: 0, messages: [
            { role: "system", content: "Answer only from the documentation below.\n\n" + context },
            { role: "user", content: question }] });
          return r.choices[0].message.content;
        }));
      }
    },
  },

  "review-assistant": {
    service: "review-assistant",
    sdk: "otel",
    async run(ctx) {
      for (const pr of PULL_REQUESTS) {
        await safely(() => inSpan(ctx, "POST /api/reviews", { "http.request.method": "POST", "http.route": "/api/reviews",
          "vcs.change.id": String(pr.id) }, ctx.api.SpanKind.SERVER, async (root) => {
          const summary = await ctx.client.chat.completions.create({ model: "gpt-4o-mini", temperature: 0, messages: [
            { role: "system", content: "Summarise the pull request in two sentences." },
            { role: "user", content: `${pr.title} (${pr.files} files changed)` }] });
          const comments = [];
          for (let file = 0; file < Math.min(pr.files, 3); file++) {
            const stream = await ctx.client.chat.completions.create({ model: "gpt-4.1", stream: true,
              stream_options: { include_usage: true }, messages: [
                { role: "system", content: "Review this diff. Point out bugs first, then style." },
                { role: "user", content: `${pr.title}: diff of file ${file + 1}\n` + "+ code line\n".repeat(20 + file * 15) }] });
            let text = "";
            for await (const chunk of stream) text += (chunk.choices[0] && chunk.choices[0].delta.content) || "";
            comments.push(text);
          }
          const verdict = await ctx.client.chat.completions.create({ model: "o3-mini", messages: [
            { role: "system", content: "Decide: approve or request changes. Explain in one line." },
            { role: "user", content: `${pr.title}\n${comments.join("\n")}` }] });
          root.setAttribute("http.response.status_code", 200);
          return [summary.choices[0].message.content, verdict.choices[0].message.content];
        }));
      }
    },
  },
};

import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local OpenAI-compatible server for tests: POST /v1/chat/completions and POST /v1/embeddings,
// with the behaviour of each chat request scripted in order (then a default), and every request
// recorded so tests can assert on what the client sent.

export type Behaviour =
  /** a valid structured answer: a tool call when the request forced one, else JSON in the content */
  | { kind: 'structured'; output: unknown }
  /** broken JSON, in the tool arguments (or the content when no tool was asked for) */
  | { kind: 'malformed'; text?: string }
  /** 'field': message.refusal set and no content; 'text': plain prose in the content, no tool call */
  | { kind: 'refusal'; style?: 'field' | 'text'; text?: string }
  /** content as given, no tool call */
  | { kind: 'content'; text: string; finishReason?: string }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'delay'; ms: number; then: Behaviour };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the parsed JSON body (or the raw text if it did not parse) */
  body: unknown;
  at: number;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  tools?: { type: string; function: { name: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  response_format?: { type: string };
}

export interface OpenAITestServer {
  /** base URL including /v1, for `configuration.baseURL` */
  url: string;
  requests: RecordedRequest[];
  /** chat-completion requests only, bodies typed */
  chats(): ChatRequestBody[];
  /** behaviours for the next chat requests, in order */
  enqueue(...behaviours: Behaviour[]): void;
  /** what to do once the queue is empty */
  setDefault(b: Behaviour | ((body: ChatRequestBody) => Behaviour)): void;
  reset(): void;
  close(): Promise<void>;
}

function forcedTool(body: ChatRequestBody): string | undefined {
  const choice = body.tool_choice;
  if (typeof choice === 'object' && choice !== null && 'function' in choice) {
    const fn = (choice as { function?: { name?: unknown } }).function;
    if (typeof fn?.name === 'string') return fn.name;
  }
  return body.tools?.[0]?.function.name;
}

let counter = 0;

function completion(body: ChatRequestBody, message: Record<string, unknown>, finishReason: string): unknown {
  counter += 1;
  return {
    id: `chatcmpl-test-${counter}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model ?? 'unknown',
    choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: null, ...message }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function reply(body: ChatRequestBody, b: Exclude<Behaviour, { kind: 'delay' | 'status' }>): unknown {
  const tool = forcedTool(body);
  const withArgs = (args: string) => completion(body, {
    tool_calls: [{ id: `call_${counter + 1}`, type: 'function', function: { name: tool, arguments: args } }],
  }, 'tool_calls');
  switch (b.kind) {
    case 'structured': {
      const text = JSON.stringify(b.output);
      return tool ? withArgs(text) : completion(body, { content: text }, 'stop');
    }
    case 'malformed': {
      const text = b.text ?? '{"text": "What does two_sum return when, "topic": ';
      return tool ? withArgs(text) : completion(body, { content: text }, 'stop');
    }
    case 'refusal': {
      const text = b.text ?? "I can't help with that.";
      return b.style === 'text' ? completion(body, { content: text }, 'stop') : completion(body, { refusal: text }, 'stop');
    }
    case 'content':
      return completion(body, { content: b.text }, b.finishReason ?? 'stop');
  }
}

/** Deterministic unit vector for a text: sha256-seeded, same input → same vector. */
export function fakeEmbedding(text: string, dims: number): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < dims; i++) {
    const h = createHash('sha256').update(`${i}:${text}`).digest();
    for (let j = 0; j + 4 <= h.length && out.length < dims; j += 4) out.push(h.readUInt32LE(j) / 0xffffffff - 0.5);
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((v) => v / norm);
}

function embeddings(body: Record<string, unknown>): unknown {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const dims = typeof body.dimensions === 'number' ? body.dimensions : 16;
  const base64 = body.encoding_format === 'base64';
  return {
    object: 'list', model: body.model ?? 'unknown', usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    data: inputs.map((input, index) => {
      const v = fakeEmbedding(typeof input === 'string' ? input : JSON.stringify(input), dims);
      const embedding = base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
      return { object: 'embedding', index, embedding };
    }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOpenAIServer(): Promise<OpenAITestServer> {
  const requests: RecordedRequest[] = [];
  let queue: Behaviour[] = [];
  let fallback: Behaviour | ((body: ChatRequestBody) => Behaviour) = { kind: 'status', status: 500, message: 'no behaviour scripted' };
  const timers = new Set<NodeJS.Timeout>();

  const act = (res: ServerResponse, body: ChatRequestBody, b: Behaviour): void => {
    if (b.kind === 'delay') {
      const t = setTimeout(() => {
        timers.delete(t);
        act(res, body, b.then);
      }, b.ms);
      timers.add(t);
      return;
    }
    if (b.kind === 'status') {
      send(res, b.status, { error: { message: b.message ?? `scripted HTTP ${b.status}`, type: 'server_error', param: null, code: null } });
      return;
    }
    send(res, 200, reply(body, b));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch { /* keep the text */ }
      const path = (req.url ?? '/').split('?')[0];
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, at: Date.now() });
      if (req.method !== 'POST') return send(res, 405, { error: { message: 'method not allowed' } });
      const obj = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      if (path === '/v1/embeddings') return send(res, 200, embeddings(obj));
      if (path !== '/v1/chat/completions') return send(res, 404, { error: { message: `no route ${path}` } });
      const chat = obj as ChatRequestBody;
      const next = queue.shift() ?? (typeof fallback === 'function' ? fallback(chat) : fallback);
      act(res, chat, next);
    })().catch((err: unknown) => send(res, 500, { error: { message: String(err) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chats: () => requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatRequestBody),
    enqueue: (...b) => { queue.push(...b); },
    setDefault: (b) => { fallback = b; },
    reset: () => {
      queue = [];
      requests.length = 0;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

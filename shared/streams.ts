import { z } from 'zod';
import { Audience, ClientFrame, CodeUpdate, EditorEvent, EndSession, OutData, ResponseSubmitted, Role, type OutType, type OutPayload } from './protocol.ts';

// Schemas of every stream entry. Entries are flat field lists with JSON in one field, so that
// `XRANGE` in redis-cli stays readable and one decode path serves every consumer.

export type Fields = Record<string, string>;

export function fieldsToRecord(flat: string[]): Fields {
  const out: Fields = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
  return out;
}

export function recordToFields(rec: Fields): string[] {
  return Object.entries(rec).flat();
}

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  }).pipe(schema);

const intString = z.string().regex(/^\d+$/).transform(Number);

/**
 * The passage of time as an event: the trigger's scanner writes one when a session's wake time is
 * due (trigger-due.lua), so a time-driven decision has a cause in P:in that every group sees and the
 * archive keeps. Never a client frame: sockets parse ClientFrame only, so no client can send one.
 */
export const TickFrame = z.object({ type: z.literal('tick'), due: z.number().int().nonnegative() });
export type TickFrame = z.infer<typeof TickFrame>;

/** What a P:in entry may carry: a client frame, or a tick (role `system`). */
export const InFrame = z.discriminatedUnion('type', [CodeUpdate, ResponseSubmitted, EditorEvent, EndSession, TickFrame]);
export type InFrame = z.infer<typeof InFrame>;

/** P:in — one validated client frame (or an API-originated end, or a tick) of one session. */
export const InEntry = z.object({
  sessionId: z.string().min(1),
  role: z.union([Role, z.literal('admin'), z.literal('system')]),
  type: z.string(),
  frame: json(InFrame),
  at: intString,
});
export type InEntry = z.infer<typeof InEntry>;

export function encodeIn(e: { sessionId: string; role: InEntry['role']; frame: ClientFrame; at: number }): string[] {
  return encodeInText(e.sessionId, e.role, e.frame.type, JSON.stringify(e.frame), e.at);
}

/** encodeIn with the frame already as JSON text (a client's own validated text, on the hot path). */
export function encodeInText(sessionId: string, role: InEntry['role'], type: string, frameJson: string, at: number): string[] {
  return ['sessionId', sessionId, 'role', role, 'type', type, 'frame', frameJson, 'at', String(at)];
}

export const AskContext = z.object({
  function: z.string().optional(),
  lines: z.tuple([z.number().int(), z.number().int()]).optional(),
  topic: z.string().optional(),
  language: z.string().optional(),
  /** the structural facts behind the decision, for the question writer */
  facts: z.record(z.string(), z.unknown()).optional(),
});

/** P:ask — the trigger's request for a question, with its reason. */
export const AskEntry = z.object({
  sessionId: z.string().min(1),
  requestId: z.string().min(1),
  seq: intString,
  reasonCode: z.string(),
  reason: z.string(),
  at: intString,
  questionId: z.string().min(1),
  language: z.string(),
  code: z.string(),
  context: json(AskContext),
});
export type AskEntry = z.infer<typeof AskEntry>;

export function encodeAsk(e: AskEntry): string[] {
  return recordToFields({
    sessionId: e.sessionId, requestId: e.requestId, seq: String(e.seq), reasonCode: e.reasonCode,
    reason: e.reason, at: String(e.at), questionId: e.questionId, language: e.language, code: e.code,
    context: JSON.stringify(e.context),
  });
}

/** P:out:<sid> — one server frame for a session's sockets. */
export const OutEntry = z.object({
  type: z.enum(Object.keys(OutData) as [OutType, ...OutType[]]),
  audience: Audience,
  data: json(z.record(z.string(), z.unknown())),
});
export type OutEntry = z.infer<typeof OutEntry>;

export function encodeOut<T extends OutType>(type: T, data: OutPayload<T>, audience: Audience = 'all'): string[] {
  const checked = OutData[type].parse(data);
  return recordToFields({ type, audience, data: JSON.stringify(checked) });
}

/** The frame a socket receives for one out entry. */
export function outFrame(eventId: string, entry: OutEntry): Record<string, unknown> {
  return { type: entry.type, eventId, ...entry.data };
}

/** Milliseconds part of a stream id: the server time the entry was written. */
export function streamIdTime(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}

/** Compare two stream ids numerically (ms, then sequence). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return (as ?? 0n) < (bs ?? 0n) ? -1 : 1;
  return 0;
}

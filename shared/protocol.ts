import { z } from 'zod';
import { AppError } from './errors.ts';

// Wire protocol v1 (DESIGN.md section 3). Client frames are validated here and nowhere else.

// Text Postgres can store: no NUL, no unpaired surrogate. Accepting either would ack a frame the
// archive can never hold.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Most text has no NUL and no surrogate at all: one plain character scan says so. */
const MAYBE_UNSTORABLE = /[\u0000\ud800-\udfff]/;
const storable = (s: string) => !MAYBE_UNSTORABLE.test(s) || !UNSTORABLE.test(s);
const text = () => z.string().refine(storable, 'contains a NUL or an unpaired surrogate');

const clientId = text().pipe(z.string().min(1).max(128)).optional();
const clientTs = z.number().finite().nonnegative();

export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'cpp', 'c', 'go', 'csharp', 'ruby', 'rust', 'kotlin', 'swift', 'php', 'scala', 'other'] as const;

export const CodeUpdate = z.object({
  type: z.literal('code_update'),
  id: clientId,
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  code: text(),
  language: z.string().min(1).max(32).regex(/^[A-Za-z0-9+#._-]+$/),
  ts: clientTs,
  // The caret: line 1-based (as editors number lines and the analysis reports them), col 0-based
  // (characters before the caret on that line; CodeMirror: doc.lineAt(head).number, head - line.from).
  // The trigger asks only when the caret ends a finished line (services/trigger/boundary.ts).
  cursor: z.object({ line: z.number().int().nonnegative(), col: z.number().int().nonnegative() }).optional(),
});

export const ResponseSubmitted = z.object({
  type: z.literal('response_submitted'),
  id: clientId,
  questionId: text().pipe(z.string().min(1).max(128)),
  answer: text(),
  ts: clientTs,
});

export const EditorEvent = z.object({
  type: z.literal('editor_event'),
  id: clientId,
  kind: z.enum(['paste', 'focus_lost', 'focus_gained', 'run']),
  ts: clientTs,
  // Flat and bounded: a detail is context for a human, not a place to store documents.
  detail: z
    .union([
      text().pipe(z.string().max(2048)),
      z.record(z.string().regex(/^[\w.-]{1,64}$/), z.union([text().pipe(z.string().max(2048)), z.number(), z.boolean(), z.null()]))
        .refine((r) => Object.keys(r).length <= 32, 'at most 32 detail fields'),
    ])
    .optional(),
});

export const EndSession = z.object({ type: z.literal('end_session'), id: clientId });

export const ClientFrame = z.discriminatedUnion('type', [CodeUpdate, ResponseSubmitted, EditorEvent, EndSession]);

export type CodeUpdate = z.infer<typeof CodeUpdate>;
export type ResponseSubmitted = z.infer<typeof ResponseSubmitted>;
export type EditorEvent = z.infer<typeof EditorEvent>;
export type EndSession = z.infer<typeof EndSession>;
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ClientFrameType = ClientFrame['type'];

export interface FrameLimits {
  maxFrameBytes: number;
  maxCodeBytes: number;
  maxAnswerBytes: number;
}

/**
 * Text of one socket frame → a valid client frame, or an AppError with the protocol's code.
 * Byte limits are checked on the UTF-8 size, which is what the limit is about, not on string length.
 */
export function parseClientFrame(text: string, limits: FrameLimits): ClientFrame {
  return parseClientText(text, limits).frame;
}

const CODE_UPDATE_KEYS = new Set(Object.keys(CodeUpdate.shape));

/**
 * parseClientFrame, plus whether the client's own text says exactly what the parsed frame says (a
 * code_update without unknown keys, which validation would drop): then that text can be stored as
 * the frame, instead of serialising the parsed copy again — the larger part of a frame's CPU.
 * `bytes`: the frame's UTF-8 size when the caller knows it (a socket message does).
 */
export function parseClientText(text: string, limits: FrameLimits, bytes = Buffer.byteLength(text, 'utf8')): { frame: ClientFrame; verbatim: boolean } {
  if (bytes > limits.maxFrameBytes) throw new AppError('too_large', `frame exceeds ${limits.maxFrameBytes} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json');
  }
  // The frame every editor sends many times a second is checked by hand; anything else, or anything
  // odd about it, goes to the schema, which has the last word and the error message.
  const fast = fastCodeUpdate(raw);
  let frame: ClientFrame;
  if (fast) frame = fast;
  else {
    const parsed = ClientFrame.safeParse(raw);
    if (!parsed.success) throw new AppError('invalid_message', describeIssues(parsed.error));
    frame = parsed.data;
  }
  // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: only long texts need counting.
  if (frame.type === 'code_update' && frame.code.length * 3 > limits.maxCodeBytes && Buffer.byteLength(frame.code, 'utf8') > limits.maxCodeBytes) {
    throw new AppError('too_large', `code exceeds ${limits.maxCodeBytes} bytes`);
  }
  if (frame.type === 'response_submitted' && Buffer.byteLength(frame.answer, 'utf8') > limits.maxAnswerBytes) {
    throw new AppError('too_large', `answer exceeds ${limits.maxAnswerBytes} bytes`);
  }
  return { frame, verbatim: fast !== null || (frame.type === 'code_update' && onlyKnownKeys(raw as Record<string, unknown>)) };
}

const LANGUAGE = /^[A-Za-z0-9+#._-]+$/;
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * The parsed JSON as a CodeUpdate when it is one exactly as CodeUpdate would accept it, with no key
 * the schema would drop (so it is what CodeUpdate would return); otherwise null (the schema decides).
 */
function fastCodeUpdate(raw: unknown): CodeUpdate | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.type !== 'code_update' || !onlyKnownKeys(r)) return null;
  const { id, seq, code, language, ts, cursor } = r;
  if (id !== undefined && !(typeof id === 'string' && id.length >= 1 && id.length <= 128 && storable(id))) return null;
  if (!isCount(seq) || typeof code !== 'string' || !storable(code)) return null;
  if (typeof language !== 'string' || language.length < 1 || language.length > 32 || !LANGUAGE.test(language)) return null;
  if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 0) return null;
  if (cursor !== undefined) {
    if (typeof cursor !== 'object' || cursor === null || Array.isArray(cursor)) return null;
    const c = cursor as Record<string, unknown>;
    if (!isCount(c.line) || !isCount(c.col)) return null;
  }
  return raw as CodeUpdate;
}

function onlyKnownKeys(raw: Record<string, unknown>): boolean {
  for (const k in raw) if (!CODE_UPDATE_KEYS.has(k)) return false;
  const cursor = raw.cursor as Record<string, unknown> | undefined;
  if (cursor !== undefined) for (const k in cursor) if (k !== 'line' && k !== 'col') return false;
  return true;
}

/** The client message id, if the frame got far enough to have one; used to address error replies. */
export function peekClientId(text: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(text);
    if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' && raw.id.length <= 128) return raw.id;
  } catch {
    /* not JSON: no id to echo */
  }
  return undefined;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

// ---- server → client ----

export type Role = 'candidate' | 'interviewer';
export const Role = z.enum(['candidate', 'interviewer']);

/**
 * Who may see an out entry. Evaluations and shown trigger decisions are for interviewers only;
 * `audit` entries reach no socket and exist for the archive (every trigger decision).
 */
export const Audience = z.enum(['all', 'interviewer', 'audit']);
export type Audience = z.infer<typeof Audience>;

export const QuestionData = z.object({
  questionId: z.string(),
  text: z.string(),
  reason: z.string(),
  lines: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export const AnswerReceivedData = z.object({ questionId: z.string() });
export const EvaluationData = z.object({
  questionId: z.string(),
  score: z.number().min(0).max(100),
  rubric: z.record(z.string(), z.number()),
  rationale: z.string(),
  flags: z.array(z.string()),
});
/** A moment worth a question, as a decision records it (the report lists the ones never asked). */
export const MomentData = z.object({
  key: z.string(),
  reasonCode: z.string(),
  topic: z.string(),
  function: z.string().optional(),
  lines: z.tuple([z.number().int(), z.number().int()]).optional(),
  sentence: z.string(),
});
export const DecisionData = z.object({
  decision: z.enum(['ask', 'skip']),
  reasonCode: z.string(),
  reason: z.string(),
  seq: z.number().int().optional(),
  requestId: z.string().optional(),
  /** set when a tick (time passing) caused the decision: the tick's time, ms */
  tick: z.number().int().optional(),
  /** the moments held back after this decision, when they changed */
  held: z.array(MomentData).optional(),
  /** the moment this ask is about */
  asked: MomentData.optional(),
});
export const SessionEndedData = z.object({ reportUrl: z.string().optional() });
export const ErrorData = z.object({ id: z.string().optional(), code: z.string(), message: z.string() });

/** The payload each out-stream type carries; the gateway adds `type` and `eventId` when relaying. */
export const OutData = {
  question: QuestionData,
  answer_received: AnswerReceivedData,
  evaluation: EvaluationData,
  decision: DecisionData,
  session_ended: SessionEndedData,
  report_ready: SessionEndedData,
  error: ErrorData,
} as const;
export type OutType = keyof typeof OutData;
export type OutPayload<T extends OutType> = z.infer<(typeof OutData)[T]>;

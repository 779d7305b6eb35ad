import type { CodeAnalysis } from '../../shared/analysis/index.ts';
import { questionIdFor } from '../../shared/ids.ts';
import type { CodeUpdate } from '../../shared/protocol.ts';
import type { AskEntry } from '../../shared/streams.ts';
import { candidateKey } from '../../services/trigger/candidates.ts';
import { SUPERSEDED } from '../../services/trigger/session.ts';
import type { TriggerState } from '../../services/trigger/rules.ts';
import type { TriggerSettings } from '../../services/trigger/settings.ts';
import { applyStep, emptyState, pastedChars, step, tickIsCurrent, tickStep, type StepResult } from '../../services/trigger/step.ts';
import type { Finding, Note } from './findings.ts';
import { show } from './findings.ts';
import { describeRow, payloadNum, payloadStr, type EventRow, type InteractionRow, type LlmCallRow, type SnapshotRow } from './load.ts';

// The trigger's decisions re-run on the recorded snapshots with the live code (step/applyStep), the
// state changes mirrored from the archive as the live scripts make them: trigger-commit.lua per code
// update and per tick (time passing, archived like any P:in entry, so a time-driven decision is
// re-run from the archive alone with tickStep), the paste signal (recordEditorEvent),
// trigger-answered.lua on an answer, trigger-follow-up.lua when a follow-up was asked,
// trigger-end.lua at the end. After each comparison the replay continues from the RECORDED outcome,
// so one difference is reported where it happens and does not cascade.

export interface TriggerReplayInput {
  sessionId: string;
  /** archived events in session order (load.inOrder) */
  ordered: EventRow[];
  snapshots: Map<number, SnapshotRow>;
  interactions: InteractionRow[];
  settings: TriggerSettings;
  analyze: (code: string, language: string) => Promise<CodeAnalysis | null>;
  /** false when the out stream was never archived: nothing recorded to compare with */
  compare: boolean;
  /** the recorded model calls, to say whether a withdrawn question's call was made */
  llmCalls?: Map<string, LlmCallRow>;
}

export interface TriggerReplay {
  findings: Finding[];
  /** consistent with the live system, but worth knowing (a question withdrawn at the session's end) */
  notes: Note[];
  /** code updates and ticks whose decision was re-run and compared */
  compared: number;
  /** recorded asks */
  asks: number;
  /** code updates and ticks the live trigger never decided: a newer update of the session was queued behind it or committed first */
  superseded: number;
  /** ticks whose decision was re-run and compared */
  ticks: number;
}

interface Recorded {
  row: EventRow;
  /** interviewer (shown) or audit (archive only) */
  audience: string | null;
  decision: string | undefined;
  reasonCode: string | undefined;
  reason: string | undefined;
  requestId: string | undefined;
}

const bump = (s: TriggerState): string => String(Number(s.version) + 1);

/** The editor's cursor as archived with the update: the boundary rule reads it. */
function cursorOf(v: unknown): Pick<CodeUpdate, 'cursor'> {
  if (!v || typeof v !== 'object') return {};
  const { line, col } = v as Record<string, unknown>;
  return typeof line === 'number' && typeof col === 'number' ? { cursor: { line, col } } : {};
}

export async function replayTrigger(input: TriggerReplayInput): Promise<TriggerReplay> {
  const { sessionId, ordered, snapshots, settings } = input;
  const findings: Finding[] = [];
  const notes: Note[] = [];
  const out: TriggerReplay = { findings, notes, compared: 0, asks: 0, superseded: 0, ticks: 0 };
  const byRequest = new Map(input.interactions.map((q) => [q.request_id, q]));

  // What the trigger recorded, per seq for code updates and per tick time for ticks.
  const recorded = new Map<number, Recorded>();
  const recordedTicks = new Map<number, Recorded>();
  for (const e of ordered) {
    if (e.stream !== 'out' || e.type !== 'decision') continue;
    const seq = payloadNum(e.payload.seq);
    const tick = payloadNum(e.payload.tick);
    const r: Recorded = {
      row: e, audience: e.role, decision: payloadStr(e.payload.decision), reasonCode: payloadStr(e.payload.reasonCode),
      reason: payloadStr(e.payload.reason), requestId: payloadStr(e.payload.requestId),
    };
    if (tick !== undefined) {
      if (recordedTicks.has(tick)) findings.push({ check: 'trigger', where: describeRow(e), rowId: e.id, message: `a second recorded decision for the tick at ${tick}` });
      else recordedTicks.set(tick, r);
    } else if (seq === undefined) findings.push({ check: 'trigger', where: describeRow(e), rowId: e.id, message: 'recorded decision has no seq' });
    else if (recorded.has(seq)) findings.push({ check: 'trigger', where: describeRow(e), rowId: e.id, seq, message: `a second recorded decision for seq ${seq}` });
    else recorded.set(seq, r);
    if (r.decision === 'ask') out.asks++;
  }
  const lastAsk = [...ordered].reverse().find((e) => e.stream === 'out' && e.type === 'decision' && e.payload.decision === 'ask');
  const ended = ordered.some((e) => e.stream === 'in' && e.type === 'end_session');

  // Where each follow-up took the pending slot: when it was shown, else right after its parent's answer.
  const claims = new Map<number, InteractionRow[]>();
  const shownAt = new Map<string, number>();
  const answerRow = new Map<string, number>();
  for (const e of ordered) {
    const qid = payloadStr(e.payload.questionId);
    if (e.stream === 'out' && e.type === 'question' && qid && !shownAt.has(qid)) shownAt.set(qid, e.id);
    if (e.stream === 'in' && e.type === 'response_submitted') answerRow.set(e.stream_id, e.id);
  }
  const answered = new Set(ordered.filter((e) => e.stream === 'in' && e.type === 'response_submitted').map((e) => payloadStr(e.payload.questionId)));
  const parents = new Map(input.interactions.map((q) => [q.id, q]));
  for (const f of input.interactions) {
    if (!f.parent_id) continue;
    const parentAnswer = parents.get(f.parent_id)?.answer_stream_id;
    const at = shownAt.get(f.id) ?? (parentAnswer ? answerRow.get(parentAnswer) : undefined);
    if (at !== undefined) claims.set(at, [...(claims.get(at) ?? []), f]);
  }

  const seen = new Set<number>();
  const seenTicks = new Set<number>();
  let state = emptyState();
  for (const e of ordered) {
    if (e.stream === 'in' && e.type === 'code_update') {
      const seq = payloadNum(e.payload.seq);
      if (seq === undefined) continue;
      seen.add(seq);
      state = await onCode(e, seq);
    } else if (e.stream === 'in' && e.type === 'tick') {
      seenTicks.add(e.at);
      state = onTick(e);
    } else if (e.stream === 'in' && e.type === 'end_session') {
      state = { ...state, ended: true, version: bump(state) };
    } else if (e.stream === 'in' && e.type === 'editor_event' && e.payload.kind === 'paste') {
      state = { ...state, pasteAt: e.at, pasteChars: pastedChars(e.payload.detail) };
    } else if (e.stream === 'in' && e.type === 'response_submitted') {
      if (state.pending && state.pending === payloadStr(e.payload.questionId)) state = { ...state, pending: '', version: bump(state), answeredAt: e.at };
    }
    for (const f of claims.get(e.id) ?? []) state = claim(f, state);
  }

  if (input.compare) {
    for (const [seq, r] of recorded) {
      if (!seen.has(seq)) findings.push({ check: 'trigger', where: describeRow(r.row), rowId: r.row.id, seq, message: `recorded a decision for seq ${seq}, but no code_update with that seq is archived` });
    }
    for (const [at, r] of recordedTicks) {
      if (!seenTicks.has(at)) findings.push({ check: 'trigger', where: describeRow(r.row), rowId: r.row.id, message: `recorded a decision for the tick at ${at}, but no tick at that time is archived` });
    }
    const asked = new Set([...recorded.values(), ...recordedTicks.values()].map((r) => r.requestId).filter((x): x is string => x !== undefined));
    for (const q of input.interactions) {
      if (!q.parent_id && !asked.has(q.request_id)) {
        findings.push({ check: 'trigger', where: `interactions ${q.id}`, questionId: q.id, seq: q.seq, message: `no recorded ask decision has its request id ${q.request_id}` });
      }
    }
  }
  return out;

  async function onCode(e: EventRow, seq: number): Promise<TriggerState> {
    const rec = recorded.get(seq);
    // Recorded as superseded: a newer update of the session was queued behind it, and only that one
    // was analysed (services/trigger/session.ts); this one left the state as it was.
    if (rec?.decision === 'skip' && rec.reasonCode === SUPERSEDED) {
      out.superseded++;
      return state;
    }
    // Every decision is recorded; an update without one was never decided live (with replicas, a
    // newer update of the session was committed first), so it left the state as it was.
    if (!rec && input.compare) {
      out.superseded++;
      return state;
    }
    if (state.ended || (state.lastSeq !== null && seq <= state.lastSeq)) {
      if (rec && input.compare) findings.push({ check: 'trigger', where: describeRow(rec.row), rowId: rec.row.id, seq, message: `recorded a decision for seq ${seq}, which the trigger would skip as stale (last seq ${state.lastSeq})` });
      return state;
    }
    const snap = snapshots.get(seq);
    if (!snap || snap.code === null) {
      // No code to decide on (reported by the snapshot check); carry the recorded outcome forward.
      const next: TriggerState = { ...state, lastSeq: seq, startedAt: state.startedAt ?? e.at, lastUpdateAt: e.at, version: bump(state) };
      const reqId = rec?.decision === 'ask' ? rec.requestId : undefined;
      return reqId ? { ...next, lastAskAt: e.at, pending: questionIdFor(reqId), pendingSince: e.at, asked: state.asked + 1 } : next;
    }
    const frame: CodeUpdate = {
      type: 'code_update', seq, code: snap.code, language: payloadStr(e.payload.language) ?? snap.language,
      ts: payloadNum(e.payload.ts) ?? 0, ...cursorOf(e.payload.cursor),
    };
    let analysis: CodeAnalysis | null = null;
    try {
      analysis = await input.analyze(frame.code, frame.language);
    } catch {
      analysis = null; // as the live handler: no parse tree, the diff rules decide
    }
    const res = step(sessionId, frame, e.at, state, settings, analysis);
    if (input.compare) {
      out.compared++;
      compare(e, seq, rec, res);
    }
    return continueFrom(state, seq, e.at, frame, res, input.compare ? rec : undefined);
  }

  /** A tick: time passed; re-decided on the state the replay holds (the last code and its stored analysis). */
  function onTick(e: EventRow): TriggerState {
    const rec = recordedTicks.get(e.at);
    // Like a superseded update: a tick a newer update (or the end) made stale decided nothing live.
    if (!rec && input.compare) {
      out.superseded++;
      return state;
    }
    if (!tickIsCurrent(state, e.at)) {
      if (rec && input.compare) findings.push({ check: 'trigger', where: describeRow(rec.row), rowId: rec.row.id, message: `recorded a decision for the tick at ${e.at}, which the trigger would skip as stale` });
      return state;
    }
    const res = tickStep(sessionId, e.at, state, settings);
    const seq = state.lastSeq ?? 0;
    if (input.compare) {
      out.compared++;
      out.ticks++;
      compare(e, seq, rec, res);
    }
    return continueFrom(state, null, e.at, { code: state.lastCode, language: state.language }, res, input.compare ? rec : undefined);
  }

  function compare(e: EventRow, seq: number, rec: Recorded | undefined, res: StepResult): void {
    if (!rec) return; // not decided live (superseded): nothing to compare
    const mine = res.record;
    const at = (r: Recorded) => ({ where: describeRow(r.row), rowId: r.row.id, seq });
    if (mine.decision !== rec.decision || mine.reasonCode !== rec.reasonCode) {
      findings.push({ check: 'trigger', ...at(rec), message: `recorded ${rec.decision} ${rec.reasonCode}, the replay decides ${mine.decision} ${mine.reasonCode}` });
    } else {
      if (mine.reason !== rec.reason) findings.push({ check: 'trigger', ...at(rec), message: `reason differs: recorded ${show(rec.reason, 80)}, replayed ${show(mine.reason, 80)}` });
      if (mine.requestId !== rec.requestId) findings.push({ check: 'trigger', ...at(rec), message: `request id differs: recorded ${rec.requestId}, replayed ${mine.requestId}` });
      if (res.audience !== rec.audience) findings.push({ check: 'trigger', ...at(rec), message: `recorded as ${rec.audience ?? '(none)'}, the replay would show it to ${res.audience}` });
    }
    if (rec.decision === 'ask') {
      const q = rec.requestId ? byRequest.get(rec.requestId) : undefined;
      if (!q && rec.requestId && withdrawn(rec)) {
        const call = input.llmCalls?.get(`${rec.requestId}:question`);
        notes.push({
          check: 'trigger', ...at(rec),
          message: `recorded ask ${rec.requestId} has no question: the session ended before it could be shown, so the agent withdrew it (${call ? `its model call ${call.call_key} is kept as provenance` : 'the model was not called'}); nothing was shown to the candidate`,
        });
      } else if (!q) {
        findings.push({ check: 'trigger', ...at(rec), message: `recorded ask ${rec.requestId ?? '(no request id)'} has no interaction with that request id` });
      } else if (q.seq !== seq || q.reason_code !== rec.reasonCode || q.reason !== rec.reason || q.id !== questionIdFor(q.request_id)) {
        findings.push({ check: 'trigger', ...at(rec), questionId: q.id, message: `recorded ask does not match interaction ${q.id} (seq ${q.seq}, ${q.reason_code}: ${show(q.reason, 60)})` });
      }
    }
  }

  /**
   * A question the agent withdrew because the session ended first (ask.ts, emit-question.lua): the
   * session's last recorded ask, after which the session ended, whose question no archived event
   * shows and nobody answered. Anything else without its interaction (a question that was shown,
   * answered, or followed by later asks) stays a difference.
   */
  function withdrawn(rec: Recorded): boolean {
    if (!ended || !rec.requestId || rec.row !== lastAsk) return false;
    const qid = questionIdFor(rec.requestId);
    return !shownAt.has(qid) && !answered.has(qid);
  }

  /** The state as the live commit left it: the recorded ask if there was one, else the replayed step without an ask. */
  function continueFrom(s: TriggerState, seq: number | null, at: number, frame: Pick<CodeUpdate, 'code' | 'language'>, res: StepResult, rec: Recorded | undefined): TriggerState {
    if (!rec) return applyStep(s, seq, at, res);
    const recAsk = rec.decision === 'ask' && rec.requestId ? rec.requestId : null;
    if (recAsk && res.ask && res.ask.requestId === recAsk && res.ask.reasonCode === rec.reasonCode) return applyStep(s, seq, at, res);
    if (recAsk) {
      const ctx = byRequest.get(recAsk)?.context ?? {};
      const key = typeof ctx.topic === 'string' ? candidateKey({ topic: ctx.topic, function: typeof ctx.function === 'string' ? ctx.function : undefined }) : null;
      const ask: AskEntry = {
        sessionId, requestId: recAsk, seq: seq ?? s.lastSeq ?? 0, reasonCode: rec.reasonCode ?? '', reason: rec.reason ?? '', at,
        questionId: questionIdFor(recAsk), language: frame.language, code: frame.code, context: {},
      };
      return applyStep(s, seq, at, { ask, extra: { ...res.extra, askedKeys: JSON.stringify(key ? [...s.askedKeys, key] : s.askedKeys) } });
    }
    if (!res.ask) return applyStep(s, seq, at, res);
    const held = res.decision.candidate ? [res.decision.candidate, ...res.decision.backlog].slice(0, 5) : res.decision.backlog;
    return applyStep(s, seq, at, { ask: null, extra: { ...res.extra, askedKeys: JSON.stringify(s.askedKeys), backlog: JSON.stringify(held) } });
  }

  /** trigger-follow-up.lua: the follow-up becomes the pending question unless another one waits, and counts unless the setting says not. */
  function claim(f: InteractionRow, s: TriggerState): TriggerState {
    if (s.pending === f.id) return s;
    if (s.pending !== '' && s.pending !== f.parent_id && input.compare) {
      findings.push({
        check: 'trigger', where: `interactions ${f.id}`, questionId: f.id,
        message: `follow-up of ${f.parent_id} was asked, but in the replay ${s.pending} was still pending, so it could not have been`,
      });
    }
    const counts = settings.followUpsCount !== false;
    return { ...s, pending: f.id, pendingSince: f.asked_at, lastAskAt: f.asked_at, asked: s.asked + (counts ? 1 : 0), version: bump(s) };
  }
}

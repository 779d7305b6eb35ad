// `npm run eval -- choice`: what the trigger asks about on labelled typed sessions (eval/choice).
// Each session is typed a few characters at a time through the trigger's own step; two readings:
// held — a quiet start holds everything back, then the gate opens: is the question asked the moment
// a person marked (and does the interviewer's question name it)? live — all gates open: what the
// first question of the session is about, and how often it is the diff-size fallback or "what does
// it do". Plus the negatives: a tiny helper never a candidate, a guard clause never "finished".
import { analyzeCode } from '../../shared/analysis/index.ts';
import { createHeuristicProvider } from '../../services/agent/heuristic/provider.ts';
import type { Candidate } from '../../services/trigger/candidates.ts';
import type { TriggerDecision } from '../../services/trigger/rules.ts';
import type { TriggerSettings } from '../../services/trigger/settings.ts';
import { pauseMsOf } from '../../services/trigger/settings.ts';
import { applyStep, emptyState, step, tickStep } from '../../services/trigger/step.ts';
import type { AskEntry } from '../../shared/streams.ts';
import { GUARD_ONLY, JAVA_WITH_HELPER, PY_HELPER_ONLY, SCENARIOS, type Version } from '../../eval/choice/sessions.ts';
import { typeFresh, typeOver } from '../../eval/choice/typing.ts';
import type { EvalPart } from './types.ts';

export const QUIET_SEC = 100_000;
const HELD: TriggerSettings = { minIntervalSec: 0, quietStartSec: QUIET_SEC, maxQuestions: 5, minDiffLines: 3, pendingTimeoutSec: 10_000 };
const LIVE: TriggerSettings = { ...HELD, quietStartSec: 0 };

export interface TriggerRun { decisions: TriggerDecision[]; asks: AskEntry[]; held: Candidate[]; code: string }

/** Every snapshot through the trigger, one second apart; with `openGate`, a tick once the quiet start and a pause are over. */
export async function runTrigger(language: string, snapshots: string[], opts: { openGate?: boolean; settings?: TriggerSettings } = {}): Promise<TriggerRun> {
  const settings = opts.settings ?? HELD;
  let state = emptyState();
  const decisions: TriggerDecision[] = [];
  const asks: AskEntry[] = [];
  let t = 1_800_000_000_000;
  let seq = 0;
  const feed = async (code: string) => {
    seq++;
    t += 1000;
    const analysis = await analyzeCode(code, language);
    const r = step('s-choice', { type: 'code_update', seq, code, language, ts: t }, t, state, settings, analysis);
    state = applyStep(state, seq, t, r);
    decisions.push(r.decision);
    if (r.ask) asks.push(r.ask);
  };
  for (const code of snapshots) await feed(code);
  const held = state.backlog;
  const code = snapshots[snapshots.length - 1] ?? '';
  if (opts.openGate) {
    // The candidate stops typing and thinks: the quiet start is over by the time the trigger's clock ticks.
    t += settings.quietStartSec * 1000 + pauseMsOf(settings);
    const r = tickStep('s-choice', t, state, settings);
    state = applyStep(state, state.lastSeq, t, r);
    decisions.push(r.decision);
    if (r.ask) asks.push(r.ask);
  }
  return { decisions, asks, held, code };
}

/** The editor's contents on the way through the versions: typed, or pasted whole. */
export function snapshotsOf(versions: Version[]): string[] {
  const out: string[] = [];
  let prev = '';
  versions.forEach((v, i) => {
    out.push(...(v.paste ? [v.code] : typeOver(prev, v.code, 11 + i)));
    prev = v.code;
  });
  return out;
}

const provider = createHeuristicProvider();

export const choice: EvalPart = {
  name: 'choice',
  async run({ verbose }) {
    const lines: string[] = [];
    let held = 0;
    let named = 0;
    let liveHit = 0;
    let liveDiff = 0;
    let livePurpose = 0;
    for (const s of SCENARIOS) {
      const snaps = snapshotsOf(s.versions);
      const r = await runTrigger(s.language, snaps, { openGate: true });
      const ask = r.asks[0];
      const hit = !!ask && ask.reasonCode === s.expect.reasonCode && ask.context.topic === s.expect.topic && ask.context.function === s.expect.fn;
      if (hit) held++;
      let says = false;
      if (ask) {
        const q = await provider.question({ sessionId: ask.sessionId, seq: ask.seq, language: ask.language, code: ask.code, reasonCode: ask.reasonCode,
          reason: ask.reason, context: ask.context, asked: [], retrieved: [] });
        says = q.topic === s.expect.topic && s.expect.question.every((re) => re.test(q.text));
        if (says) named++;
        if (verbose || !says) lines.push(`     ${q.text}`);
      }
      // Live: every gate open while typing, then the pause after the last keystroke.
      const live = (await runTrigger(s.language, snaps, { settings: LIVE, openGate: true })).asks[0];
      if (live?.context.function === s.expect.fn && live.context.topic === s.expect.topic) liveHit++;
      if (live?.reasonCode === 'diff_threshold') liveDiff++;
      if (live?.context.topic === 'purpose') livePurpose++;
      lines.push(`${hit && says ? 'ok  ' : 'MISS'} ${s.language.padEnd(10)} ${s.name.padEnd(48)} asked ${ask ? `${ask.reasonCode}/${ask.context.topic}/${ask.context.function}` : 'nothing'}` +
        `; live first ask ${live ? `${live.reasonCode}/${live.context.topic}` : 'none'} at ${live ? `${live.seq}/${snaps.length}` : '-'}`);
    }
    let tiny = 0;
    for (const [language, code, fn] of [['java', JAVA_WITH_HELPER, 'max'], ['python', PY_HELPER_ONLY, 'clamp']] as const) {
      const r = await runTrigger(language, typeFresh(code), { openGate: true });
      tiny += r.decisions.flatMap((d) => [d.candidate, ...d.backlog]).filter((c) => c?.function === fn).length;
    }
    let guardFinished = 0;
    for (const [language, code] of Object.entries(GUARD_ONLY)) {
      const r = await runTrigger(language, typeFresh(code));
      guardFinished += r.decisions.flatMap((d) => [d.candidate, ...d.backlog]).filter((c) => c?.reasonCode === 'function_completed').length;
    }
    const n = SCENARIOS.length;
    lines.push(`held, then asked when the gate opens: ${held}/${n} on the marked moment; the question names it: ${named}/${n}`);
    lines.push(`live (all gates open), first question: ${liveHit}/${n} on the marked moment, ${liveDiff} diff-size fallback, ${livePurpose} "what does it do"`);
    lines.push(`tiny helpers held as candidates: ${tiny}; guard-only functions called finished: ${guardFinished}`);
    return {
      figures: { heldHit: held / n, named: named / n, liveHit: liveHit / n, liveDiffFallback: liveDiff, livePurpose, tinyCandidates: tiny, guardFinished },
      lines,
      ok: held === n && named === n && tiny === 0 && guardFinished === 0,
    };
  },
};

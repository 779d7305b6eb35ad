import type { IntegritySignal, Report, ReportQuestion } from '../../shared/report.ts';
import type { EditorEventRow, GrowthJump } from './queries.ts';
import { answerEvidence, byId, isoOr } from './util.ts';

// Integrity signals: pastes, large single updates, focus lost, answers the grader flagged. Each is a
// reason for a human to look, never a verdict; the report says so (SIGNAL_NOTE).

const SIGNAL_NOTE = 'Signals for a human to weigh, not verdicts: each has innocent explanations (notes pasted by the candidate, a second monitor, a quoted instruction).';

export interface IntegrityInput {
  editorEvents?: EditorEventRow[];
  /** per-kind counts; used only when editorEvents is not given */
  signals?: { kind: string; count: number }[];
  growth?: GrowthJump | null;
}

/** How big a paste was, from whatever the editor put in its detail. */
function pasteSize(detail: unknown): number | null {
  if (typeof detail === 'string') return detail.length;
  if (detail && typeof detail === 'object') {
    const d = detail as Record<string, unknown>;
    for (const k of ['chars', 'length', 'size', 'characters', 'bytes']) if (typeof d[k] === 'number') return d[k] as number;
    if (typeof d.text === 'string') return d.text.length;
  }
  return null;
}

const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 6000) / 10} min`);

/** Answers the grader flagged as possibly addressing the grader (prompt injection), by id. */
export const injectionSuspects = (flat: ReportQuestion[]): ReportQuestion[] => flat.filter((q) => q.flags.some((f) => /injection/i.test(f))).sort(byId);

/** `flat`: every question of the report, follow-ups included. */
export function integrity(input: IntegrityInput, flat: ReportQuestion[]): Report['integrity'] {
  const events = input.editorEvents;
  const signals: IntegritySignal[] = [];
  const countOf = (kind: string) => (events ? events.filter((e) => e.kind === kind).length : input.signals?.find((s) => s.kind === kind)?.count ?? 0);
  const pastes = events?.filter((e) => e.kind === 'paste') ?? [];
  const pasteCount = countOf('paste');
  if (pasteCount) {
    const sized = pastes.map((p) => ({ at: isoOr(p.at, ''), size: pasteSize(p.detail) })).filter((p) => p.size !== null);
    const largest = sized.sort((a, b) => (b.size as number) - (a.size as number) || (a.at < b.at ? -1 : 1))[0];
    signals.push({ kind: 'paste', count: pasteCount, at: pastes.slice(0, 10).map((p) => isoOr(p.at, '')), evidence: [],
      summary: `${pasteCount} paste${pasteCount > 1 ? 's' : ''} into the editor${largest ? `; the largest about ${largest.size} characters` : ''}. Worth comparing with how the code grew at those moments.` });
  }
  const g = input.growth;
  if (g && g.linesAdded >= 20) {
    signals.push({ kind: 'large_change', count: 1, at: [isoOr(g.at, '')], evidence: [{ kind: 'code', seq: g.seq, lines: [1, Math.max(1, g.lines)] }],
      summary: `The largest single update added ${g.linesAdded} lines at once (seq ${g.seq}). It may be a paste, an undo or a reformat.` });
  }
  const lost = countOf('focus_lost');
  if (lost) {
    let away = 0;
    let longest = 0;
    let since: number | null = null;
    for (const e of events ?? []) {
      if (e.kind === 'focus_lost' && since === null) since = +new Date(e.at);
      if (e.kind === 'focus_gained' && since !== null) { const d = +new Date(e.at) - since; away += d; longest = Math.max(longest, d); since = null; }
    }
    signals.push({ kind: 'focus_lost', count: lost, at: (events ?? []).filter((e) => e.kind === 'focus_lost').slice(0, 10).map((e) => isoOr(e.at, '')), evidence: [],
      summary: `The editor lost focus ${lost} time${lost > 1 ? 's' : ''}${away ? `, about ${minutes(away)} in total (longest ${minutes(longest)})` : ''}. Looking something up can be allowed; check the session's rules.` });
  }
  const injected = injectionSuspects(flat);
  if (injected.length) {
    signals.push({ kind: 'prompt_injection', count: injected.length, at: injected.map((q) => q.answeredAt ?? q.askedAt), evidence: injected.map(answerEvidence),
      summary: `The grader flagged ${injected.length} answer${injected.length > 1 ? 's' : ''} as possibly addressing the grader rather than the question. Read ${injected.length > 1 ? 'them' : 'it'} before trusting the grade.` });
  }
  const gameFlags = flat.filter((q) => q.flags.some((f) => f === 'keyword_list')).sort(byId);
  if (gameFlags.length) {
    signals.push({ kind: 'keyword_list', count: gameFlags.length, at: gameFlags.map((q) => q.answeredAt ?? q.askedAt), evidence: gameFlags.map(answerEvidence),
      summary: `${gameFlags.length} answer${gameFlags.length > 1 ? 's look' : ' looks'} mostly like a list of terms; the grade gave no credit for the list itself.` });
  }
  return { note: SIGNAL_NOTE, signals, runs: countOf('run') };
}

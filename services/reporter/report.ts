import type { CodeAnalysis, FunctionFacts } from '../../shared/analysis/index.ts';
import type { SessionRow } from '../../shared/session.ts';
import type { DecisionRow, EditorEventRow, EvaluationJson, GrowthJump, QuestionRow, SizePoint, SnapshotSummary } from './queries.ts';

// Pure: the report a hiring team reads, from what the session left in Postgres (loadReportInput)
// and the static analysis of the final code. Same input, same report: no clock, no randomness,
// every list in a stable order, every time an ISO string (the report is stored as JSON).
//
// How the numbers are made (also written into report.method for the reader):
// - Each graded answer (follow-ups included) counts toward one dimension, chosen by its topic
//   (TOPIC_DIMENSION; a follow-up without a topic inherits its parent's). The answer part of a
//   dimension is the mean of those answers' scores (0–100).
// - communication is the mean over graded answers of (grounding + abstraction) / 6, from the rubric
//   (0–3 each): does the candidate talk about their own code, at the level of purpose.
// - code_quality and testing_and_edge_cases also use static checks of the final code (codeChecks):
//   each check is 0–1; their mean ×100 is the static part. code_quality = 0.6 static + 0.4 answers,
//   testing_and_edge_cases = 0.3 static + 0.7 answers, either part alone when the other is missing.
// - overall = weighted mean of the dimensions that have evidence (DIMENSION_WEIGHT); a dimension
//   backed only by static checks counts half. Band by hireBand; fewer than MIN_GRADED graded answers
//   is "insufficient evidence" whatever the number.

export const DIMENSIONS = ['problem_solving', 'code_quality', 'complexity_reasoning', 'communication', 'testing_and_edge_cases'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABEL: Record<Dimension, string> = {
  problem_solving: 'Problem solving', code_quality: 'Code quality', complexity_reasoning: 'Complexity reasoning',
  communication: 'Communication', testing_and_edge_cases: 'Testing and edge cases',
};
export const DIMENSION_WEIGHT: Record<Dimension, number> = {
  problem_solving: 0.3, code_quality: 0.2, complexity_reasoning: 0.2, communication: 0.15, testing_and_edge_cases: 0.15,
};
export const TOPIC_DIMENSION: Record<string, Exclude<Dimension, 'communication'>> = {
  time_complexity: 'complexity_reasoning', space_complexity: 'complexity_reasoning', hidden_linear_cost: 'complexity_reasoning', scale: 'complexity_reasoning',
  edge_cases: 'testing_and_edge_cases', loop_bounds: 'testing_and_edge_cases', guard_purpose: 'testing_and_edge_cases',
  initial_value: 'testing_and_edge_cases', exceptions: 'testing_and_edge_cases', testing: 'testing_and_edge_cases',
  dead_code: 'code_quality', api_design: 'code_quality', aliasing: 'code_quality',
  purpose: 'problem_solving', variable_role: 'problem_solving', termination: 'problem_solving', recursion: 'problem_solving',
  data_structure_choice: 'problem_solving', change: 'problem_solving', concurrency: 'problem_solving',
};
export const MIN_GRADED = 2;
const STATIC_SHARE: Partial<Record<Dimension, number>> = { code_quality: 0.6, testing_and_edge_cases: 0.3 };
const MAX_SERIES = 200;
const MAX_DECISIONS = 300;
const EXCERPT_CHARS = 220;
const SIGNAL_NOTE = 'Signals for a human to weigh, not verdicts: each has innocent explanations (notes pasted by the candidate, a second monitor, a quoted instruction).';

export interface ReportInput {
  session: SessionRow;
  questions: QuestionRow[];
  snapshots: SnapshotSummary;
  /** code size over time; sampled again to ≤ 200 points here */
  series?: SizePoint[];
  growth?: GrowthJump | null;
  decisions?: DecisionRow[];
  editorEvents?: EditorEventRow[];
  /** per-kind counts; used only when editorEvents is not given */
  signals?: { kind: string; count: number }[];
  /** the code at the seqs questions were asked about, for excerpts */
  codeAt?: { seq: number; code: string }[];
  /** analyzeCode(final code), computed before buildReport */
  analysis?: CodeAnalysis | null;
  generatedAt: Date;
}

export type Evidence =
  | { kind: 'answer'; questionId: string; question: string; answerExcerpt: string }
  | { kind: 'code'; seq: number; lines: [number, number] };
export interface Finding { text: string; dimension: Dimension | null; evidence: Evidence[] }
export interface DimensionScore {
  key: Dimension; label: string; score: number | null; evidence: number;
  answers: number; answerScore: number | null; staticScore: number | null; basis: string;
}
export interface CodeCheck { key: string; dimension: 'code_quality' | 'testing_and_edge_cases'; value: number; text: string; lines: [number, number] }
export interface ReportQuestion {
  questionId: string; label: string; parentId: string | null; seq: number; askedAt: string; answeredAt: string | null;
  reasonCode: string; reason: string; question: string; topic: string | null; dimension: Exclude<Dimension, 'communication'>;
  lines: [number, number] | null; excerpt: { seq: number; from: number; text: string } | null;
  answer: string | null; status: 'graded' | 'ungraded' | 'unanswered'; score: number | null;
  rubric: Record<string, number> | null; rationale: string | null; flags: string[]; missing: string[]; commitment: string | null;
  askedBy: { provider: string; model: string; fallback: boolean };
  gradedBy: { provider: string; model: string; fallback: boolean } | null;
  followUps: ReportQuestion[];
}
export interface IntegritySignal { kind: string; count: number; summary: string; at: string[]; evidence: Evidence[] }
export interface ReviewReason { code: string; message: string; questionIds: string[] }

export function hireBand(score: number | null): string {
  if (score === null) return 'insufficient evidence';
  if (score >= 80) return 'strong hire';
  if (score >= 60) return 'leaning hire';
  if (score >= 40) return 'leaning no hire';
  return 'strong no hire';
}

const iso = (d: Date | string | null | undefined): string | null => (d === null || d === undefined ? null : new Date(d).toISOString());
const isoOr = (d: Date | string, fallback: string): string => iso(d) ?? fallback;
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null): number | null => (x === null ? null : Math.round(x));
const excerpt = (s: string, n = EXCERPT_CHARS): string => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };
const lineCount = (code: string): number => (code === '' ? 0 : code.split('\n').length - (code.endsWith('\n') ? 1 : 0));
const byId = (a: { questionId: string }, b: { questionId: string }) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);

function dimensionOf(q: QuestionRow, all: Map<string, QuestionRow>): Exclude<Dimension, 'communication'> {
  const topic = q.topic ?? (q.parent_id ? all.get(q.parent_id)?.topic ?? null : null);
  return (topic && TOPIC_DIMENSION[topic]) || 'problem_solving';
}

/** Static checks of the final code: 0–1 each, with the lines they are about. */
export function codeChecks(a: CodeAnalysis | null | undefined): CodeCheck[] {
  if (!a) return [];
  const all: [number, number] = [1, Math.max(1, a.lines)];
  const inTest = (f: FunctionFacts) => a.tests.some((t) => t.line >= f.startLine && t.line <= f.endLine) || /^test/i.test(f.name);
  const fns = a.functions.filter((f) => !f.partial && !inTest(f));
  const span = (f: FunctionFacts): [number, number] => [f.startLine, f.endLine];
  const out: CodeCheck[] = [];
  const q = (key: string, value: number, text: string, lines: [number, number]) => out.push({ key, dimension: 'code_quality', value, text, lines });
  const t = (key: string, value: number, text: string, lines: [number, number]) => out.push({ key, dimension: 'testing_and_edge_cases', value, text, lines });
  if (!a.parseOk) q('parses', Math.max(0, 1 - a.errorRatio * 5), `The final code does not parse cleanly (${Math.round(a.errorRatio * 100)}% of it could not be placed by the parser).`, all);
  else q('parses', 1, 'The final code parses cleanly.', all);
  if (fns.length) {
    const longest = [...fns].sort((x, y) => y.endLine - y.startLine - (x.endLine - x.startLine) || x.startLine - y.startLine)[0];
    const len = longest.endLine - longest.startLine + 1;
    q('function_size', len <= 40 ? 1 : len <= 80 ? 0.6 : 0.3, fns.length === 1 ? `One function, ${longest.name}, ${len} lines long.` : `${fns.length} functions; the longest, ${longest.name}, is ${len} lines.`, span(longest));
    const deepest = [...fns].sort((x, y) => y.maxLoopDepth - x.maxLoopDepth || x.startLine - y.startLine)[0];
    const d = deepest.maxLoopDepth;
    q('nesting', d <= 2 ? 1 : d === 3 ? 0.5 : 0.2, d ? `Deepest loop nesting: ${d} level${d > 1 ? 's' : ''}, in ${deepest.name}.` : 'No nested loops.', span(deepest));
  }
  if (a.topLevel) q('decomposition', 0.5, 'Part of the logic runs at module level instead of in a function.', [a.topLevel.startLine, a.topLevel.endLine]);
  else if (fns.length) q('decomposition', 1, `The logic lives in ${fns.length === 1 ? 'a function' : 'functions'} (${fns.map((f) => f.name).slice(0, 5).join(', ')}).`, span(fns[0]));
  const rank = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)'];
  const costly = [...fns, ...(a.topLevel ? [a.topLevel] : [])].sort((x, y) => rank.indexOf(y.complexityEstimate) - rank.indexOf(x.complexityEstimate) || x.startLine - y.startLine)[0];
  if (costly) {
    const r = rank.indexOf(costly.complexityEstimate);
    const where: [number, number] = costly.dominantLine ? [costly.dominantLine, costly.dominantLine] : span(costly);
    q('complexity', r <= 3 ? 1 : r === 4 ? 0.6 : 0.3, `Estimated time complexity of the costliest part (${costly.name === '<module>' ? 'module level' : costly.name}): ${costly.complexityEstimate}${costly.dominantLine ? `, line ${costly.dominantLine} dominates` : ''}.`, where);
  }
  if (a.tests.length) t('tests', 1, `${a.tests.length} test${a.tests.length > 1 ? 's or assertions' : ' or assertion'} in the final code (first on line ${a.tests[0].line}).`, [a.tests[0].line, a.tests[a.tests.length - 1].line]);
  // Common in a timed session, so the absence weighs less than an unguarded crash.
  else if (fns.length) t('tests', 0.25, 'No tests or assertions in the final code.', all);
  const hazards = fns.flatMap((f) => f.indexFirst.map((h) => ({ f, h })));
  const guards = fns.flatMap((f) => f.guards);
  if (hazards.length) {
    const { f, h } = hazards[0];
    // Guards elsewhere do not make up for a place that crashes on empty input.
    t('guards', Math.max(0, 0.5 - 0.25 * (hazards.length - 1)), `${f.name} uses ${h.expr} on line ${h.line} with no check for an empty ${h.param}${hazards.length > 1 ? ` (${hazards.length} such places)` : ''}.`, [h.line, h.line]);
  } else if (guards.length) {
    t('guards', 1, `${guards.length} guard${guards.length > 1 ? 's' : ''} for edge input (${[...new Set(guards.map((g) => g.kind.replace(/_/g, ' ')))].join(', ')}), first on line ${guards[0].line}.`, [guards[0].line, guards[0].line]);
  }
  return out;
}

function sample<T>(xs: T[], max: number): T[] {
  if (xs.length <= max) return xs;
  const step = Math.ceil(xs.length / (max - 1));
  return xs.filter((_, i) => i % step === 0 || i === xs.length - 1);
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

export function buildReport(input: ReportInput) {
  const { session, snapshots } = input;
  const rows = [...input.questions].sort((a, b) => +new Date(a.asked_at) - +new Date(b.asked_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rowById = new Map(rows.map((q) => [q.id, q]));
  const final = snapshots.final ? { seq: snapshots.final.seq, language: snapshots.final.language, code: snapshots.final.code, lines: snapshots.final.lines } : null;
  const codeAt = new Map((input.codeAt ?? []).map((c) => [c.seq, c.code]));

  // ---- questions, follow-ups under their parent ----
  const who = (e: EvaluationJson | null, q: QuestionRow) => (e ? { provider: e.provider ?? q.provider, model: e.model ?? q.model, fallback: e.fallback === true } : null);
  const toItem = (q: QuestionRow, label: string): ReportQuestion => {
    const e = q.evaluation;
    const lines: [number, number] | null = q.line_from !== null && q.line_to !== null ? [q.line_from, q.line_to] : null;
    const code = lines ? codeAt.get(q.seq) : undefined;
    let ex: ReportQuestion['excerpt'] = null;
    if (lines && code !== undefined) {
      const all = code.split('\n');
      const from = Math.max(1, lines[0] - 2);
      const to = Math.min(all.length, Math.max(lines[1], lines[0]) + 2, from + 19);
      if (from <= to) ex = { seq: q.seq, from, text: all.slice(from - 1, to).join('\n') };
    }
    return {
      questionId: q.id, label, parentId: q.parent_id ?? null, seq: q.seq, askedAt: isoOr(q.asked_at, ''), answeredAt: iso(q.answered_at),
      reasonCode: q.reason_code, reason: q.reason, question: q.question, topic: q.topic, dimension: dimensionOf(q, rowById), lines, excerpt: ex,
      answer: q.answer, status: q.answer === null ? 'unanswered' : q.score === null ? 'ungraded' : 'graded', score: q.score,
      rubric: e?.rubric ?? null, rationale: e?.rationale ?? null, flags: [...(e?.flags ?? [])], missing: [...(e?.missing ?? [])],
      commitment: e?.commitment ?? null, askedBy: { provider: q.provider, model: q.model, fallback: q.fallback }, gradedBy: who(e, q), followUps: [],
    };
  };
  const roots = rows.filter((q) => !q.parent_id || !rowById.has(q.parent_id));
  const questions: ReportQuestion[] = roots.map((q, i) => toItem(q, `Q${i + 1}`));
  const items = new Map(questions.map((q) => [q.questionId, q]));
  for (const q of rows) {
    if (items.has(q.id)) continue;
    let root = q;
    for (let hops = 0; hops < 20 && root.parent_id && rowById.has(root.parent_id) && !items.has(root.id); hops++) root = rowById.get(root.parent_id) as QuestionRow;
    const parent = items.get(root.id);
    if (!parent) continue;
    const item = toItem(q, `${parent.label}.${parent.followUps.length + 1}`);
    parent.followUps.push(item);
    items.set(q.id, item);
  }
  const flat = [...items.values()];
  const graded = flat.filter((q) => q.status === 'graded');
  const answerEvidence = (q: ReportQuestion): Evidence => ({ kind: 'answer', questionId: q.questionId, question: excerpt(q.question, 160), answerExcerpt: excerpt(q.answer ?? '') });

  // ---- dimensions ----
  const checks = codeChecks(input.analysis);
  const dims: DimensionScore[] = DIMENSIONS.map((key) => {
    if (key === 'communication') {
      const parts = graded.flatMap((q) => {
        const r = q.rubric ?? {};
        const got = ['grounding', 'abstraction'].filter((k) => typeof r[k] === 'number');
        return got.length ? [(got.reduce((s, k) => s + r[k], 0) / (3 * got.length)) * 100] : [];
      });
      const s = round(mean(parts));
      return { key, label: DIMENSION_LABEL[key], score: s, evidence: parts.length, answers: parts.length, answerScore: s, staticScore: null,
        basis: 'rubric grounding and abstraction (0–3 each) of every graded answer' };
    }
    const answers = graded.filter((q) => q.dimension === key);
    const answerScore = mean(answers.map((q) => q.score as number));
    const mine = checks.filter((c) => c.dimension === key);
    const staticScore = mine.length ? (mean(mine.map((c) => c.value)) as number) * 100 : null;
    const share = STATIC_SHARE[key] ?? 0;
    const score = answerScore !== null && staticScore !== null ? share * staticScore + (1 - share) * answerScore : answerScore ?? staticScore;
    const topics = Object.entries(TOPIC_DIMENSION).filter(([, d]) => d === key).map(([t]) => t).join(', ');
    const basis = share ? `answers on ${topics}; static checks of the final code (${Math.round(share * 100)}% when both exist)` : `answers on ${topics}`;
    return { key, label: DIMENSION_LABEL[key], score: round(score), evidence: answers.length + mine.length, answers: answers.length,
      answerScore: round(answerScore), staticScore: round(staticScore), basis };
  });
  let wsum = 0;
  let total = 0;
  for (const d of dims) {
    if (d.score === null) continue;
    const w = DIMENSION_WEIGHT[d.key] * (d.answers === 0 ? 0.5 : 1);
    wsum += w;
    total += w * d.score;
  }
  const overallScore = wsum ? Math.round(total / wsum) : null;
  const band = graded.length < MIN_GRADED ? 'insufficient evidence' : hireBand(overallScore);

  // ---- strengths and weaknesses: every one cites evidence that exists in this report ----
  const strengths: (Finding & { rank: number })[] = [];
  const weaknesses: (Finding & { rank: number })[] = [];
  for (const d of dims) {
    if (d.key === 'communication' || d.answerScore === null) continue;
    const answers = graded.filter((q) => q.dimension === d.key).sort((a, b) => (b.score as number) - (a.score as number) || byId(a, b));
    if (d.answerScore >= 70) {
      strengths.push({ rank: d.answerScore, dimension: d.key, evidence: answers.slice(0, 3).map(answerEvidence),
        text: `${d.label}: answered well (${d.answerScore}/100 over ${answers.length} answer${answers.length > 1 ? 's' : ''}).` });
    } else if (d.answerScore < 45) {
      const worst = [...answers].reverse();
      const missed = [...new Set(worst.flatMap((q) => q.missing))].slice(0, 4);
      weaknesses.push({ rank: 100 - d.answerScore, dimension: d.key, evidence: worst.slice(0, 3).map(answerEvidence),
        text: `${d.label}: weak answers (${d.answerScore}/100 over ${answers.length})${missed.length ? `; missing: ${missed.join('; ')}` : ''}.` });
    }
  }
  // Single answers that stand out, unless a dimension finding already cites them.
  const cited = (xs: Finding[]) => new Set(xs.flatMap((f) => f.evidence).flatMap((e) => (e.kind === 'answer' ? [e.questionId] : [])));
  const [citedGood, citedBad] = [cited(strengths), cited(weaknesses)];
  for (const q of [...graded].sort((a, b) => (b.score as number) - (a.score as number) || byId(a, b))) {
    const s = q.score as number;
    const ev: Evidence[] = [answerEvidence(q), ...(q.lines && codeAt.has(q.seq) ? [{ kind: 'code' as const, seq: q.seq, lines: q.lines }] : [])];
    const why = excerpt((q.rationale ?? '').split(/(?<=[.!?])\s/)[0] ?? '', 200);
    const what = `${q.label} (${(q.topic ?? q.dimension).replace(/_/g, ' ')}, ${s}/100)`;
    if (s >= 85 && !citedGood.has(q.questionId)) strengths.push({ rank: s - 10, dimension: q.dimension, evidence: ev, text: `${what}: ${why}` });
    if (s <= 35 && !citedBad.has(q.questionId)) weaknesses.push({ rank: 90 - s, dimension: q.dimension, evidence: ev, text: `${what}: ${why}` });
  }
  const comm = dims.find((d) => d.key === 'communication') as DimensionScore;
  if (comm.score !== null && comm.evidence >= 2) {
    const byGround = [...graded].filter((q) => q.rubric).sort((a, b) => ((b.rubric?.grounding ?? 0) - (a.rubric?.grounding ?? 0)) || byId(a, b));
    if (comm.score >= 70) strengths.push({ rank: comm.score - 5, dimension: 'communication', evidence: byGround.slice(0, 2).map(answerEvidence), text: `Communication: answers refer to their own code at the level of purpose (${comm.score}/100).` });
    else if (comm.score < 40) weaknesses.push({ rank: 95 - comm.score, dimension: 'communication', evidence: byGround.reverse().slice(0, 2).map(answerEvidence), text: `Communication: answers rarely tie back to the code's identifiers or purpose (${comm.score}/100).` });
  }
  if (final) {
    const within = (l: [number, number]): [number, number] => [Math.min(Math.max(1, l[0]), Math.max(1, final.lines)), Math.min(Math.max(l[0], l[1]), Math.max(1, final.lines))];
    for (const c of checks) {
      const ev: Evidence[] = [{ kind: 'code', seq: final.seq, lines: within(c.lines) }];
      const notable = ['tests', 'guards'].includes(c.key) || (c.key === 'complexity' && !c.text.includes(': O(1)'));
      if (c.value >= 1 && notable) strengths.push({ rank: c.key === 'complexity' ? 55 : 60, dimension: c.dimension, evidence: ev, text: c.text });
      else if (c.value <= 0.5) weaknesses.push({ rank: 60 + (1 - c.value) * 20, dimension: c.dimension, evidence: ev, text: c.text });
    }
  }
  const top = (xs: (Finding & { rank: number })[]): Finding[] =>
    xs.filter((f) => f.evidence.length).sort((a, b) => b.rank - a.rank || (a.text < b.text ? -1 : 1)).slice(0, 6).map(({ rank: _r, ...f }) => f);

  // ---- trigger timeline ----
  const requestToQuestion = new Map(rows.filter((q) => q.request_id).map((q) => [q.request_id as string, q.id]));
  const allDecisions = (input.decisions ?? []).map((d) => ({
    at: isoOr(d.at, ''), seq: d.seq, decision: d.decision, reasonCode: d.reasonCode, reason: d.reason, eventId: d.eventId,
    questionId: d.requestId ? requestToQuestion.get(d.requestId) ?? null : null,
  }));
  const asks = allDecisions.filter((d) => d.decision === 'ask');
  const skips = allDecisions.filter((d) => d.decision !== 'ask');
  const decisions = [...asks, ...sample(skips, Math.max(2, MAX_DECISIONS - asks.length))]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.eventId < b.eventId ? -1 : 1));

  // ---- integrity signals ----
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
  const injected = flat.filter((q) => q.flags.some((f) => /injection/i.test(f))).sort(byId);
  if (injected.length) {
    signals.push({ kind: 'prompt_injection', count: injected.length, at: injected.map((q) => q.answeredAt ?? q.askedAt), evidence: injected.map(answerEvidence),
      summary: `The grader flagged ${injected.length} answer${injected.length > 1 ? 's' : ''} as possibly addressing the grader rather than the question. Read ${injected.length > 1 ? 'them' : 'it'} before trusting the grade.` });
  }
  const gameFlags = flat.filter((q) => q.flags.some((f) => f === 'keyword_list')).sort(byId);
  if (gameFlags.length) {
    signals.push({ kind: 'keyword_list', count: gameFlags.length, at: gameFlags.map((q) => q.answeredAt ?? q.askedAt), evidence: gameFlags.map(answerEvidence),
      summary: `${gameFlags.length} answer${gameFlags.length > 1 ? 's look' : ' looks'} mostly like a list of terms; the grade gave no credit for the list itself.` });
  }

  // ---- providers ----
  const prov = new Map<string, { provider: string; model: string; usedFor: Set<string>; calls: number; fallbackCalls: number }>();
  const use = (p: { provider: string; model: string; fallback: boolean } | null, what: string) => {
    if (!p) return;
    const key = `${p.provider}\u0000${p.model}`;
    const e = prov.get(key) ?? { provider: p.provider, model: p.model, usedFor: new Set<string>(), calls: 0, fallbackCalls: 0 };
    e.usedFor.add(what);
    e.calls += 1;
    if (p.fallback) e.fallbackCalls += 1;
    prov.set(key, e);
  };
  for (const q of flat) { use(q.askedBy, 'questions'); use(q.gradedBy, 'grading'); }
  const providers = [...prov.values()].sort((a, b) => (a.provider + a.model < b.provider + b.model ? -1 : 1)).map((p) => ({ ...p, usedFor: [...p.usedFor].sort() }));

  // ---- when a human must look ----
  const reasons: ReviewReason[] = [];
  const fellBack = flat.filter((q) => q.askedBy.fallback || q.gradedBy?.fallback).sort(byId);
  if (fellBack.length) reasons.push({ code: 'model_fallback', questionIds: fellBack.map((q) => q.questionId),
    message: `The model failed for ${fellBack.length} question${fellBack.length > 1 ? 's' : ''} and the offline heuristic asked or graded instead.` });
  const clash: string[] = [];
  const related = (a: ReportQuestion, b: ReportQuestion) => a.parentId === b.questionId || b.parentId === a.questionId;
  for (const a of graded) for (const b of graded) {
    if (a.questionId < b.questionId && a.topic && a.topic === b.topic && !related(a, b) && Math.max(a.score as number, b.score as number) >= 70 && Math.min(a.score as number, b.score as number) <= 30) clash.push(a.questionId, b.questionId);
  }
  if (clash.length) reasons.push({ code: 'grades_disagree', questionIds: [...new Set(clash)].sort(), message: 'Answers on the same topic got very different grades (one 70 or above, one 30 or below).' });
  const mismatch = graded.filter((q) => {
    const r = Object.values(q.rubric ?? {}).filter((v) => typeof v === 'number');
    if (!r.length) return false;
    const pct = (r.reduce((s, v) => s + v, 0) / (3 * r.length)) * 100;
    const c = q.rubric?.correctness;
    return Math.abs(pct - (q.score as number)) > 35 || (c === 0 && (q.score as number) >= 60) || (c === 3 && (q.score as number) <= 25);
  }).sort(byId);
  if (mismatch.length) reasons.push({ code: 'score_rubric_mismatch', questionIds: mismatch.map((q) => q.questionId), message: 'A score does not match its own rubric sub-scores.' });
  if (injected.length) reasons.push({ code: 'injection_suspected', questionIds: injected.map((q) => q.questionId), message: 'An answer may try to instruct the grader; its grade needs a human reading.' });
  if (graded.length < MIN_GRADED) reasons.push({ code: 'too_little_evidence', questionIds: [], message: `Only ${graded.length} graded answer${graded.length === 1 ? '' : 's'}: too little evidence for a decision.` });
  const unanswered = flat.filter((q) => q.status === 'unanswered').sort(byId);
  if (unanswered.length) reasons.push({ code: 'unanswered_questions', questionIds: unanswered.map((q) => q.questionId), message: `${unanswered.length} question${unanswered.length > 1 ? 's were' : ' was'} never answered; check whether time ran out.` });
  const ungraded = flat.filter((q) => q.status === 'ungraded').sort(byId);
  if (ungraded.length) reasons.push({ code: 'ungraded_answers', questionIds: ungraded.map((q) => q.questionId), message: `${ungraded.length} answer${ungraded.length > 1 ? 's were' : ' was'} not graded in time.` });
  if (!final) reasons.push({ code: 'no_code', questionIds: [], message: 'No code was stored for this session.' });

  const startedAt = iso(snapshots.first_at) ?? isoOr(session.created_at, '');
  const endedAt = iso(session.ended_at) ?? iso(snapshots.last_at);
  return {
    version: 2 as const,
    sessionId: session.id,
    candidate: { name: session.candidate.name, ...(session.candidate.email ? { email: session.candidate.email } : {}) },
    problem: { title: session.problem.title, language: session.problem.language },
    startedAt,
    endedAt,
    generatedAt: input.generatedAt.toISOString(),
    overall: { score: overallScore, band, gradedAnswers: graded.length, questions: flat.length },
    dimensions: dims,
    strengths: top(strengths),
    weaknesses: top(weaknesses),
    questions,
    code: {
      snapshots: snapshots.count,
      final: final ? { seq: final.seq, language: final.language, lines: final.lines || lineCount(final.code), code: final.code } : null,
      checks,
      series: sample(input.series ?? [], MAX_SERIES).map((p) => ({ seq: p.seq, at: isoOr(p.at, ''), lines: p.lines, bytes: p.bytes })),
    },
    timeline: { decisions, decisionsTotal: allDecisions.length, asked: flat.map((q) => ({ at: q.askedAt, seq: q.seq, questionId: q.questionId, label: q.label, parentId: q.parentId, reasonCode: q.reasonCode, reason: q.reason })).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) },
    integrity: { note: SIGNAL_NOTE, signals, runs: countOf('run') },
    providers,
    humanReviewRequired: reasons.length > 0,
    humanReviewReasons: reasons,
    method: {
      overall: `Weighted mean of the dimensions with evidence (${DIMENSIONS.map((d) => `${d} ${DIMENSION_WEIGHT[d]}`).join(', ')}); a dimension backed only by static checks counts half. Fewer than ${MIN_GRADED} graded answers: insufficient evidence.`,
      bands: 'strong hire ≥ 80, leaning hire ≥ 60, leaning no hire ≥ 40, strong no hire below 40',
      dimensions: Object.fromEntries(dims.map((d) => [d.key, d.basis])) as Record<Dimension, string>,
    },
  };
}

export type Report = ReturnType<typeof buildReport>;

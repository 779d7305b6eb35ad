import type { CodeAnalysis } from '../../shared/analysis/index.ts';
import type { ModelUse, Report, ReportQuestion, ReportSummary } from '../../shared/report.ts';
import type { SessionRow } from '../../shared/session.ts';
import { codeChecks, overallScore, scoreDimensions, scoringMethod } from './dimensions.ts';
import { findings } from './findings.ts';
import { integrity } from './integrity.ts';
import type { DecisionRow, EditorEventRow, GrowthJump, QuestionRow, RecordedSummary, SizePoint, SnapshotSummary } from './queries.ts';
import { questionTree } from './questions.ts';
import { notAsked, type MomentDecisionRow } from './not-asked.ts';
import { humanReviewReasons } from './review.ts';
import { SummaryOutput } from './summary/output.ts';
import { iso, isoOr, lineCount, sample } from './util.ts';

// Pure: the report a hiring team reads, from what the session left in Postgres (loadReportInput)
// and the static analysis of the final code. Same input, same report: no clock, no randomness,
// every list in a stable order, every time an ISO string (the report is stored as JSON).
//
// The shape is the contract in shared/report.ts (the gateway renders it). The parts:
// questions.ts (questions and follow-ups), dimensions.ts (static checks and every number, explained
// there and in report.method), findings.ts (strengths and weaknesses), integrity.ts (signals),
// review.ts (when a human must look); the trigger timeline and the providers are assembled here.

// What callers imported from here before the contract moved to shared/.
export {
  DIMENSIONS, DIMENSION_LABEL, DIMENSION_WEIGHT, MIN_GRADED, TOPIC_DIMENSION,
  type CodeCheck, type Dimension, type DimensionScore, type Evidence, type Finding, type IntegritySignal,
  type Report, type ReportQuestion, type ReviewReason,
} from '../../shared/report.ts';
export { codeChecks, hireBand } from './dimensions.ts';

const MAX_SERIES = 200;
const MAX_DECISIONS = 300;

export interface ReportInput {
  session: SessionRow;
  questions: QuestionRow[];
  snapshots: SnapshotSummary;
  /** code size over time; sampled again to ≤ 200 points here */
  series?: SizePoint[];
  growth?: GrowthJump | null;
  decisions?: DecisionRow[];
  /** every decision with its held and asked moments, for "not asked" */
  moments?: MomentDecisionRow[];
  editorEvents?: EditorEventRow[];
  /** per-kind counts; used only when editorEvents is not given */
  signals?: { kind: string; count: number }[];
  /** the code at the seqs questions were asked about, for excerpts */
  codeAt?: { seq: number; code: string }[];
  /** analyzeCode(final code), computed before buildReport */
  analysis?: CodeAnalysis | null;
  /** the recorded summary call (summary/summariser.ts); none: the report has no summary */
  summary?: RecordedSummary | null;
  generatedAt: Date;
}

/** Why the trigger asked when it did: every ask, a sample of the rest, each ask tied to its question. */
function triggerTimeline(rows: QuestionRow[], flat: ReportQuestion[], input: DecisionRow[]): Report['timeline'] {
  const requestToQuestion = new Map(rows.filter((q) => q.request_id).map((q) => [q.request_id as string, q.id]));
  const allDecisions = input.map((d) => ({
    at: isoOr(d.at, ''), seq: d.seq, decision: d.decision, reasonCode: d.reasonCode, reason: d.reason, eventId: d.eventId,
    questionId: d.requestId ? requestToQuestion.get(d.requestId) ?? null : null,
  }));
  const asks = allDecisions.filter((d) => d.decision === 'ask');
  const skips = allDecisions.filter((d) => d.decision !== 'ask');
  const decisions = [...asks, ...sample(skips, Math.max(2, MAX_DECISIONS - asks.length))]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.eventId < b.eventId ? -1 : 1));
  const asked = flat.map((q) => ({ at: q.askedAt, seq: q.seq, questionId: q.questionId, label: q.label, parentId: q.parentId, reasonCode: q.reasonCode, reason: q.reason }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { decisions, decisionsTotal: allDecisions.length, asked };
}

/** The recorded summary, validated again as it is read; an invalid record writes no summary. */
function reportSummary(rec: RecordedSummary | null | undefined): ReportSummary | undefined {
  const parsed = rec ? SummaryOutput.safeParse(rec.output) : null;
  if (!rec || !parsed?.success) return undefined;
  return { text: parsed.data.summary, writtenBy: { provider: rec.provider, model: rec.model, fallback: rec.fallback } };
}

/** Which model asked, graded and summarised how much, and how often the heuristic stood in. */
function providerUse(flat: ReportQuestion[], summary: ReportSummary | undefined): Report['providers'] {
  const prov = new Map<string, { provider: string; model: string; usedFor: Set<string>; calls: number; fallbackCalls: number }>();
  const use = (p: ModelUse | null, what: string) => {
    if (!p) return;
    const key = `${p.provider}\u0000${p.model}`;
    const e = prov.get(key) ?? { provider: p.provider, model: p.model, usedFor: new Set<string>(), calls: 0, fallbackCalls: 0 };
    e.usedFor.add(what);
    e.calls += 1;
    if (p.fallback) e.fallbackCalls += 1;
    prov.set(key, e);
  };
  for (const q of flat) { use(q.askedBy, 'questions'); use(q.gradedBy, 'grading'); }
  if (summary) use(summary.writtenBy, 'summary');
  return [...prov.values()].sort((a, b) => (a.provider + a.model < b.provider + b.model ? -1 : 1)).map((p) => ({ ...p, usedFor: [...p.usedFor].sort() }));
}

export function buildReport(input: ReportInput): Report {
  const { session, snapshots } = input;
  const final = snapshots.final ? { seq: snapshots.final.seq, language: snapshots.final.language, code: snapshots.final.code, lines: snapshots.final.lines } : null;
  const codeAt = new Map((input.codeAt ?? []).map((c) => [c.seq, c.code]));
  const { rows, questions, flat } = questionTree(input.questions, codeAt);
  const graded = flat.filter((q) => q.status === 'graded');
  const checks = codeChecks(input.analysis);
  const dims = scoreDimensions(graded, checks);
  const overall = overallScore(dims, graded.length);
  const { strengths, weaknesses } = findings({ dims, graded, checks, final, codeAt });
  const reasons = humanReviewReasons({ flat, graded, hasCode: final !== null });
  const summary = reportSummary(input.summary);
  return {
    version: 2,
    sessionId: session.id,
    candidate: { name: session.candidate.name, ...(session.candidate.email ? { email: session.candidate.email } : {}) },
    problem: { title: session.problem.title, language: session.problem.language },
    startedAt: iso(snapshots.first_at) ?? isoOr(session.created_at, ''),
    endedAt: iso(session.ended_at) ?? iso(snapshots.last_at),
    generatedAt: input.generatedAt.toISOString(),
    overall: { score: overall.score, band: overall.band, gradedAnswers: graded.length, questions: flat.length },
    ...(summary ? { summary } : {}),
    dimensions: dims,
    strengths,
    weaknesses,
    questions,
    code: {
      snapshots: snapshots.count,
      final: final ? { seq: final.seq, language: final.language, lines: final.lines || lineCount(final.code), code: final.code } : null,
      checks,
      series: sample(input.series ?? [], MAX_SERIES).map((p) => ({ seq: p.seq, at: isoOr(p.at, ''), lines: p.lines, bytes: p.bytes })),
    },
    timeline: { ...triggerTimeline(rows, flat, input.decisions ?? []), ...(input.moments ? { notAsked: notAsked(input.moments) } : {}) },
    integrity: integrity(input, flat),
    providers: providerUse(flat, summary),
    humanReviewRequired: reasons.length > 0,
    humanReviewReasons: reasons,
    method: scoringMethod(dims),
  };
}

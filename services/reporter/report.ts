import type { SessionRow } from '../../shared/session.ts';
import type { QuestionRow, SnapshotSummary } from './queries.ts';

// Pure: the report from what the session left in Postgres. Step 3 adds dimensions, evidence and
// the timeline; the shape keeps room for them.

export interface ReportInput {
  session: SessionRow;
  questions: QuestionRow[];
  snapshots: SnapshotSummary;
  signals: { kind: string; count: number }[];
  generatedAt: Date;
}

export function hireBand(score: number | null): string {
  if (score === null) return 'insufficient evidence';
  if (score >= 80) return 'strong hire';
  if (score >= 60) return 'leaning hire';
  if (score >= 40) return 'leaning no hire';
  return 'strong no hire';
}

export function buildReport(input: ReportInput) {
  const { session, questions, snapshots } = input;
  const graded = questions.filter((q) => q.score !== null);
  const overall = graded.length ? Math.round(graded.reduce((s, q) => s + (q.score ?? 0), 0) / graded.length) : null;
  const reasons: string[] = [];
  if (graded.length < 2) reasons.push(`only ${graded.length} graded answer(s): too little evidence for a decision`);
  if (questions.some((q) => q.fallback)) reasons.push('a model call failed and the heuristic provider answered instead');
  const unanswered = questions.filter((q) => q.answer === null).length;
  const providers = [...new Set(questions.map((q) => `${q.provider}/${q.model}`))];
  return {
    version: 1,
    sessionId: session.id,
    candidate: session.candidate,
    problem: { title: session.problem.title, language: session.problem.language },
    startedAt: snapshots.first_at ?? session.created_at,
    endedAt: session.ended_at,
    generatedAt: input.generatedAt.toISOString(),
    overall: { score: overall, band: hireBand(overall) },
    questions: questions.map((q) => ({
      questionId: q.id,
      seq: q.seq,
      askedAt: q.asked_at,
      reasonCode: q.reason_code,
      reason: q.reason,
      question: q.question,
      topic: q.topic,
      lines: q.line_from !== null && q.line_to !== null ? [q.line_from, q.line_to] : null,
      answer: q.answer,
      score: q.score,
      rationale: q.evaluation?.rationale ?? null,
      rubric: q.evaluation?.rubric ?? null,
    })),
    code: {
      snapshots: snapshots.count,
      final: snapshots.final,
    },
    integritySignals: input.signals.map((s) => ({ kind: s.kind, count: s.count, note: 'a signal for a human to weigh, not a verdict' })),
    unanswered,
    providers,
    humanReviewRequired: reasons.length > 0,
    humanReviewReasons: reasons,
  };
}

export type Report = ReturnType<typeof buildReport>;

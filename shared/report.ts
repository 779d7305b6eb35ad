// The report contract: the JSON the reporter writes (services/reporter, buildReport) and the gateway
// serves and renders (services/gateway/report-html.ts). Types and constants only, so both sides can
// share it without one service importing the other. A change here is a change to stored reports:
// bump `version` when the shape stops being readable by the page.

export const DIMENSIONS = ['problem_solving', 'code_quality', 'complexity_reasoning', 'communication', 'testing_and_edge_cases'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** The dimensions an answer's topic can count toward (communication comes from every answer's rubric). */
export type TopicDimension = Exclude<Dimension, 'communication'>;

export const DIMENSION_LABEL: Record<Dimension, string> = {
  problem_solving: 'Problem solving', code_quality: 'Code quality', complexity_reasoning: 'Complexity reasoning',
  communication: 'Communication', testing_and_edge_cases: 'Testing and edge cases',
};
export const DIMENSION_WEIGHT: Record<Dimension, number> = {
  problem_solving: 0.3, code_quality: 0.2, complexity_reasoning: 0.2, communication: 0.15, testing_and_edge_cases: 0.15,
};
export const TOPIC_DIMENSION: Record<string, TopicDimension> = {
  time_complexity: 'complexity_reasoning', space_complexity: 'complexity_reasoning', hidden_linear_cost: 'complexity_reasoning', scale: 'complexity_reasoning',
  edge_cases: 'testing_and_edge_cases', loop_bounds: 'testing_and_edge_cases', guard_purpose: 'testing_and_edge_cases',
  initial_value: 'testing_and_edge_cases', exceptions: 'testing_and_edge_cases', testing: 'testing_and_edge_cases',
  dead_code: 'code_quality', api_design: 'code_quality', aliasing: 'code_quality',
  purpose: 'problem_solving', variable_role: 'problem_solving', termination: 'problem_solving', recursion: 'problem_solving',
  data_structure_choice: 'problem_solving', change: 'problem_solving', concurrency: 'problem_solving',
};
/** Fewer graded answers than this: "insufficient evidence", whatever the number. */
export const MIN_GRADED = 2;

export type Evidence =
  | { kind: 'answer'; questionId: string; question: string; answerExcerpt: string }
  | { kind: 'code'; seq: number; lines: [number, number] };
export interface Finding { text: string; dimension: Dimension | null; evidence: Evidence[] }
export interface DimensionScore {
  key: Dimension; label: string; score: number | null; evidence: number;
  answers: number; answerScore: number | null; staticScore: number | null; basis: string;
}
export interface CodeCheck { key: string; dimension: 'code_quality' | 'testing_and_edge_cases'; value: number; text: string; lines: [number, number] }
export interface ModelUse { provider: string; model: string; fallback: boolean }
export interface ReportQuestion {
  questionId: string; label: string; parentId: string | null; seq: number; askedAt: string; answeredAt: string | null;
  reasonCode: string; reason: string; question: string; topic: string | null; dimension: TopicDimension;
  lines: [number, number] | null; excerpt: { seq: number; from: number; text: string } | null;
  answer: string | null; status: 'graded' | 'ungraded' | 'unanswered'; score: number | null;
  rubric: Record<string, number> | null; rationale: string | null; flags: string[]; missing: string[]; commitment: string | null;
  askedBy: ModelUse;
  gradedBy: ModelUse | null;
  followUps: ReportQuestion[];
}
export interface IntegritySignal { kind: string; count: number; summary: string; at: string[]; evidence: Evidence[] }
export interface ReviewReason { code: string; message: string; questionIds: string[] }

export interface ReportDecision {
  at: string; seq: number | null; decision: string; reasonCode: string; reason: string; eventId: string;
  /** the question this ask produced, when one did */
  questionId: string | null;
}
export interface ReportAsked { at: string; seq: number; questionId: string; label: string; parentId: string | null; reasonCode: string; reason: string }
/** A moment worth a question that was held back and never asked, and why, in plain words. */
export interface ReportNotAsked {
  /** when it was first held back */
  at: string;
  seq: number | null;
  reasonCode: string;
  topic: string;
  function: string | null;
  lines: [number, number] | null;
  /** what the question would have been about */
  moment: string;
  /** why it was never asked */
  why: string;
}
/** The paragraph at the top of the report: the model's when one is configured, else the heuristic's. */
export interface ReportSummary { text: string; writtenBy: ModelUse }
export interface ReportProvider { usedFor: string[]; provider: string; model: string; calls: number; fallbackCalls: number }

/** What buildReport returns and the reports table stores (as JSON). */
export interface Report {
  version: 2;
  sessionId: string;
  candidate: { email?: string | undefined; name: string };
  problem: { title: string; language: string };
  startedAt: string;
  endedAt: string | null;
  generatedAt: string;
  overall: { score: number | null; band: string; gradedAnswers: number; questions: number };
  /** absent in reports written before summaries were recorded */
  summary?: ReportSummary;
  dimensions: DimensionScore[];
  strengths: Finding[];
  weaknesses: Finding[];
  questions: ReportQuestion[];
  code: {
    snapshots: number;
    final: { seq: number; language: string; lines: number; code: string } | null;
    checks: CodeCheck[];
    series: { seq: number; at: string; lines: number; bytes: number }[];
  };
  timeline: {
    /** every ask, and a sample of the other decisions (decisionsTotal counts them all) */
    decisions: ReportDecision[];
    decisionsTotal: number;
    asked: ReportAsked[];
    /** moments held back and never asked (absent in reports written before it existed) */
    notAsked?: ReportNotAsked[];
  };
  integrity: { note: string; signals: IntegritySignal[]; runs: number };
  providers: ReportProvider[];
  humanReviewRequired: boolean;
  humanReviewReasons: ReviewReason[];
  method: { overall: string; bands: string; dimensions: Record<Dimension, string> };
}

// Row shapes of tables more than one part reads, declared once.

/** interactions: one question, its answer and its grade. */
export interface InteractionRow {
  id: string;
  session_id: string;
  request_id: string;
  seq: number;
  reason_code: string;
  reason: string;
  question: string;
  topic: string | null;
  line_from: number | null;
  line_to: number | null;
  context: Record<string, unknown>;
  provider: string;
  model: string;
  fallback: boolean;
  /** the question whose partial answer prompted this follow-up */
  parent_id: string | null;
  asked_at: Date;
  answer: string | null;
  answer_stream_id: string | null;
  answered_at: Date | null;
  evaluation: Record<string, unknown> | null;
  score: number | null;
}

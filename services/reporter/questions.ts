import { TOPIC_DIMENSION, type ReportQuestion, type TopicDimension } from '../../shared/report.ts';
import type { EvaluationJson, QuestionRow } from './queries.ts';
import { iso, isoOr } from './util.ts';

// The report's questions: in the order they were asked, follow-ups nested under the question they
// follow up (Q2.1, Q2.2, …), each with its dimension, grade, the providers involved and an excerpt
// of the code it was asked about.

/** By the answer's topic; a follow-up without one inherits its parent's. */
function dimensionOf(q: QuestionRow, all: Map<string, QuestionRow>): TopicDimension {
  const topic = q.topic ?? (q.parent_id ? all.get(q.parent_id)?.topic ?? null : null);
  return (topic && TOPIC_DIMENSION[topic]) || 'problem_solving';
}

export interface QuestionTree {
  /** the rows in the order they were asked (then by id) */
  rows: QuestionRow[];
  /** top-level questions, follow-ups inside */
  questions: ReportQuestion[];
  /** every question, follow-ups included: top-level ones first, then follow-ups in the order asked */
  flat: ReportQuestion[];
}

/** `codeAt`: the code at the seqs questions were asked about, for excerpts. */
export function questionTree(input: QuestionRow[], codeAt: Map<number, string>): QuestionTree {
  const rows = [...input].sort((a, b) => +new Date(a.asked_at) - +new Date(b.asked_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rowById = new Map(rows.map((q) => [q.id, q]));
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
  return { rows, questions, flat: [...items.values()] };
}

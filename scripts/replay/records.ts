import { isRequestIdFor, questionIdFor } from '../../shared/ids.ts';
import { EvaluationOutput, FollowUpOutput, QuestionOutput } from '../../services/agent/provider.ts';
import type { Finding } from './findings.ts';
import { sameJson, show } from './findings.ts';
import { describeRow, payloadStr, type EventRow, type InteractionRow, type LlmCallRow, type SessionData } from './load.ts';

// Questions, grades and follow-ups re-derived from the recorded model outputs (llm_calls), the way
// the agent derived them (services/agent/ask.ts, answer.ts, follow-up.ts), and compared three ways:
// the recorded output, the interactions row, and what the archive says the candidate and
// interviewer were shown.

export interface RecordsCheck {
  findings: Finding[];
  questions: number;
  evaluations: number;
}

const clampScore = (s: number) => Math.max(0, Math.min(100, Math.round(s)));

export function verifyRecords(data: SessionData, compareOut: boolean): RecordsCheck {
  const sid = data.session.id;
  const findings: Finding[] = [];
  const res: RecordsCheck = { findings, questions: 0, evaluations: 0 };
  const byId = new Map(data.interactions.map((q) => [q.id, q]));
  const outOf = (type: string) => {
    const m = new Map<string, EventRow>();
    for (const e of data.events) {
      const qid = payloadStr(e.payload.questionId);
      if (e.stream === 'out' && e.type === type && qid && !m.has(qid)) m.set(qid, e);
    }
    return m;
  };
  const shownQ = outOf('question');
  const shownEv = outOf('evaluation');
  const answers = new Map(data.events.filter((e) => e.stream === 'in' && e.type === 'response_submitted').map((e) => [e.stream_id, e]));

  for (const q of data.interactions) {
    const where = `interactions ${q.id}`;
    const add = (check: Finding['check'], message: string, row?: EventRow) =>
      findings.push({ check, where: row ? `${where} / ${describeRow(row)}` : where, questionId: q.id, seq: q.seq, message, ...(row ? { rowId: row.id } : {}) });
    res.questions++;

    // The question: from the recorded model output, or for a follow-up from the parent's grade.
    if (q.parent_id) {
      if (q.request_id !== `${q.parent_id}:follow_up` || q.id !== questionIdFor(q.request_id)) add('question', `follow-up ids do not derive from its parent ${q.parent_id} (request ${q.request_id})`);
      const parentCall = data.llmCalls.get(`${q.parent_id}:evaluation`);
      const parsed = parentCall ? EvaluationOutput.safeParse(parentCall.parsed_output) : null;
      const suggested = parsed?.success ? parsed.data.followUp : undefined;
      if (!parsed?.success) add('question', `the parent's recorded grade (llm_calls ${q.parent_id}:evaluation) is missing or invalid`);
      const call = data.llmCalls.get(`${q.parent_id}:follow_up`);
      if (!call) {
        // Sessions recorded before follow-ups were model calls: the text is the grader's.
        if (parsed?.success && suggested !== q.question) add('question', `text ${show(q.question)} differs from the follow-up the grader recorded, ${show(suggested)}`);
      } else {
        const fu = FollowUpOutput.safeParse(call.parsed_output);
        if (!fu.success) add('question', `recorded model output for ${call.call_key} does not validate as a follow-up`);
        else {
          if (fu.data.text !== q.question) add('question', `text ${show(q.question)} differs from the recorded follow-up ${show(fu.data.text)}`);
          // The heuristic's follow-up (no model, or the model failed) is the grader's suggestion: re-derived.
          const heuristic = call.fallback || call.provider === 'heuristic';
          if (heuristic && parsed?.success && fu.data.text !== suggested) add('question', `the heuristic follow-up ${show(fu.data.text)} differs from the grader's suggestion ${show(suggested)}`);
        }
        provenance(call, q, (m) => add('question', m));
      }
    } else {
      if (!isRequestIdFor(q.request_id, sid, q.seq) || q.id !== questionIdFor(q.request_id)) add('question', `ids do not derive from (session, seq ${q.seq}): request ${q.request_id}`);
      const call = data.llmCalls.get(`${q.request_id}:question`);
      const parsed = call ? QuestionOutput.safeParse(call.parsed_output) : null;
      if (!call) add('question', `no recorded model call ${q.request_id}:question`);
      else if (!parsed?.success) add('question', `recorded model output for ${call.call_key} does not validate as a question`);
      else {
        if (parsed.data.text !== q.question) add('question', `text ${show(q.question)} differs from the recorded model output ${show(parsed.data.text)}`);
        if (parsed.data.topic !== q.topic) add('question', `topic ${q.topic} differs from the recorded model output's ${parsed.data.topic}`);
        const lines = parsed.data.lines ?? (Array.isArray(q.context.lines) ? q.context.lines : null);
        const stored = q.line_from !== null && q.line_to !== null ? [q.line_from, q.line_to] : null;
        if (!sameJson(lines, stored)) add('question', `lines ${show(stored)} differ from ${show(lines)}, derived from the recorded model output`);
        if (!sameJson(q.context.expected, parsed.data.expected)) add('question', `the grader's expectations ${show(q.context.expected)} differ from the recorded model output's ${show(parsed.data.expected)}`);
        provenance(call, q, (m) => add('question', m));
      }
    }
    const shown = shownQ.get(q.id);
    if (compareOut && !shown) add('question', 'no archived question event: the row that showed it is missing');
    if (shown) {
      const p = shown.payload;
      const lines = q.line_from !== null && q.line_to !== null ? [q.line_from, q.line_to] : undefined;
      if (p.text !== q.question) add('question', `shown text ${show(p.text)} differs from the stored ${show(q.question)}`, shown);
      if (p.reason !== q.reason) add('question', `shown reason ${show(p.reason)} differs from the stored ${show(q.reason)}`, shown);
      if (!sameJson(p.lines, lines)) add('question', `shown lines ${show(p.lines)} differ from the stored ${show(lines)}`, shown);
    }

    // The answer, as the candidate sent it.
    if (q.answer !== null) {
      const a = q.answer_stream_id ? answers.get(q.answer_stream_id) : undefined;
      if (!a) add('answer', `answer has no archived response_submitted (stream id ${q.answer_stream_id ?? 'none'}): its row is missing`);
      else if (a.payload.answer !== q.answer || a.payload.questionId !== q.id) add('answer', `stored answer ${show(q.answer)} differs from the archived ${show(a.payload.answer)}`, a);
    }

    // The grade: the recorded output, clamped as the agent does, against the row and what was shown.
    if (q.evaluation === null) {
      if (q.answer !== null) add('evaluation', 'answered but never graded');
      continue;
    }
    res.evaluations++;
    const call = data.llmCalls.get(`${q.id}:evaluation`);
    const parsed = call ? EvaluationOutput.safeParse(call.parsed_output) : null;
    if (!call) add('evaluation', `no recorded model call ${q.id}:evaluation`);
    else if (!parsed?.success) add('evaluation', `recorded model output for ${call.call_key} does not validate as a grade`);
    else {
      const ev = parsed.data;
      const score = clampScore(ev.score);
      const stored = q.evaluation;
      if (q.score !== score) add('evaluation', `score ${q.score} differs from ${score}, re-derived from the recorded model output`);
      if (stored.score !== score) add('evaluation', `stored evaluation.score ${show(stored.score)} differs from ${score}, re-derived from the recorded model output`);
      for (const k of ['rubric', 'rationale', 'flags', 'missing', 'commitment', 'followUp'] as const) {
        if (!sameJson(stored[k], ev[k])) add('evaluation', `stored evaluation.${k} ${show(stored[k])} differs from the recorded model output ${show(ev[k])}`);
      }
      provenance(call, { provider: String(stored.provider), model: String(stored.model), fallback: stored.fallback === true }, (m) => add('evaluation', m));
      const shownE = shownEv.get(q.id);
      if (compareOut && !shownE) add('evaluation', 'no archived evaluation event: the row that showed it is missing');
      if (shownE) {
        const p = shownE.payload;
        if (p.score !== score) add('evaluation', `shown score ${show(p.score)} differs from ${score}, re-derived from the recorded model output`, shownE);
        for (const k of ['rubric', 'rationale', 'flags'] as const) {
          if (!sameJson(p[k], ev[k])) add('evaluation', `shown ${k} ${show(p[k])} differs from the recorded model output ${show(ev[k])}`, shownE);
        }
      }
    }
  }

  // Shown, but stored nowhere.
  for (const [qid, e] of [...shownQ, ...shownEv]) {
    if (!byId.has(qid)) findings.push({ check: e.type === 'question' ? 'question' : 'evaluation', where: describeRow(e), rowId: e.id, questionId: qid, message: `shows ${qid}, which has no interactions row` });
  }
  findings.push(...verifyEnd(data, compareOut));
  return res;
}

function provenance(call: LlmCallRow, q: Pick<InteractionRow, 'provider' | 'model' | 'fallback'>, add: (m: string) => void): void {
  if (call.provider !== q.provider || call.model !== q.model || call.fallback !== q.fallback) {
    add(`provenance differs: recorded ${call.provider}/${call.model}${call.fallback ? ' (fallback)' : ''}, stored ${q.provider}/${q.model}${q.fallback ? ' (fallback)' : ''}`);
  }
}

/** The end of the session, which a truncated archive would lose: the end itself and its replies. */
function verifyEnd(data: SessionData, compareOut: boolean): Finding[] {
  const findings: Finding[] = [];
  const has = (stream: string, type: string) => data.events.some((e) => e.stream === stream && e.type === type);
  const where = `sessions ${data.session.id}`;
  if (data.session.status !== 'active' && !has('in', 'end_session')) {
    findings.push({ check: 'session', where, message: `status is ${data.session.status}, but no end_session is archived: its row is missing` });
  }
  if (compareOut && has('in', 'end_session') && !has('out', 'session_ended')) {
    findings.push({ check: 'session', where, message: 'the session ended, but no session_ended event is archived: its row is missing' });
  }
  if (compareOut && data.report && !has('out', 'report_ready')) {
    findings.push({ check: 'session', where, message: 'a report is stored, but no report_ready event is archived: its row is missing' });
  }
  return findings;
}

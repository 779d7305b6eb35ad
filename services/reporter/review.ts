import { MIN_GRADED, type ReportQuestion, type ReviewReason } from '../../shared/report.ts';
import { injectionSuspects } from './integrity.ts';
import { byId } from './util.ts';

// When a human must look before the report is trusted: a model fell back to the heuristic, grades on
// one topic disagree, a score contradicts its own rubric, an answer may instruct the grader, too
// little was graded, questions went unanswered or ungraded, or no code was stored.

export interface ReviewInput {
  /** every question of the report, follow-ups included */
  flat: ReportQuestion[];
  /** the graded ones among them */
  graded: ReportQuestion[];
  /** whether any code was stored */
  hasCode: boolean;
}

export function humanReviewReasons({ flat, graded, hasCode }: ReviewInput): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  const fellBack = flat.filter((q) => q.askedBy.fallback || q.gradedBy?.fallback).sort(byId);
  if (fellBack.length) reasons.push({ code: 'model_fallback', questionIds: fellBack.map((q) => q.questionId),
    message: `The AI model did not respond for ${fellBack.length} question${fellBack.length > 1 ? 's' : ''}, so the simpler offline grader asked or graded ${fellBack.length > 1 ? 'them' : 'it'} instead; its grades are less reliable.` });
  const clash: string[] = [];
  const related = (a: ReportQuestion, b: ReportQuestion) => a.parentId === b.questionId || b.parentId === a.questionId;
  for (const a of graded) for (const b of graded) {
    if (a.questionId < b.questionId && a.topic && a.topic === b.topic && !related(a, b) && Math.max(a.score as number, b.score as number) >= 70 && Math.min(a.score as number, b.score as number) <= 30) clash.push(a.questionId, b.questionId);
  }
  if (clash.length) reasons.push({ code: 'grades_disagree', questionIds: [...new Set(clash)].sort(), message: 'Two answers on the same kind of question got very different grades (one 70 or above, one 30 or below): either the candidate is uneven or one grade is wrong. Read both.' });
  // The grade weighs correctness first (a wrong answer stays low however fluent), so a plain mean of
  // the sub-scores is not the grader's assessment; a mismatch is a grade that contradicts the
  // correctness it found: a high grade for an answer judged wrong, a low one for an answer judged right
  // and not capped on purpose (a list of terms, an evasion, a contradiction).
  const CAPPED = ['contradicts_code', 'misconception', 'keyword_dump', 'keyword_list', 'evasive', 'off_topic', 'prompt_injection', 'not_verified', 'empty'];
  const mismatch = graded.filter((q) => {
    const c = q.rubric?.correctness;
    const score = q.score as number;
    return (c === 0 && score >= 60) || (c === 3 && score <= 25 && !q.flags.some((f) => CAPPED.includes(f)));
  }).sort(byId);
  if (mismatch.length) {
    const n = mismatch.length;
    reasons.push({ code: 'score_rubric_mismatch', questionIds: mismatch.map((q) => q.questionId),
      message: `${n === 1 ? 'One answer\'s grade does' : `${n} answers' grades do`} not agree with the grader's own assessment of ${n === 1 ? 'it' : 'them'} (for example a high grade for an answer it judged incorrect). Read ${n === 1 ? 'that answer' : 'those answers'} and decide.` });
  }
  // Claims the offline grader could neither confirm nor refute from the code: it gave them a middle
  // grade and no credit for correctness, so a person has to judge them.
  const unverified = graded.filter((q) => q.flags.includes('not_verified')).sort(byId);
  if (unverified.length) {
    const n = unverified.length;
    reasons.push({ code: 'claims_not_verified', questionIds: unverified.map((q) => q.questionId),
      message: `The automatic grader could not check ${n === 1 ? 'one answer' : `${n} answers`} against the code and gave ${n === 1 ? 'it' : 'them'} a middle grade. Read ${n === 1 ? 'it' : 'them'} and decide whether ${n === 1 ? 'it is' : 'they are'} right.` });
  }
  const injected = injectionSuspects(flat);
  if (injected.length) reasons.push({ code: 'injection_suspected', questionIds: injected.map((q) => q.questionId), message: 'An answer may try to instruct the grader; its grade needs a human reading.' });
  if (graded.length < MIN_GRADED) reasons.push({ code: 'too_little_evidence', questionIds: [], message: `Only ${graded.length} graded answer${graded.length === 1 ? '' : 's'}: too little evidence for a decision.` });
  const unanswered = flat.filter((q) => q.status === 'unanswered').sort(byId);
  if (unanswered.length) reasons.push({ code: 'unanswered_questions', questionIds: unanswered.map((q) => q.questionId), message: `${unanswered.length} question${unanswered.length > 1 ? 's were' : ' was'} never answered; check whether time ran out.` });
  const ungraded = flat.filter((q) => q.status === 'ungraded').sort(byId);
  if (ungraded.length) reasons.push({ code: 'ungraded_answers', questionIds: ungraded.map((q) => q.questionId), message: `${ungraded.length} answer${ungraded.length > 1 ? 's were' : ' was'} not graded in time.` });
  if (!hasCode) reasons.push({ code: 'no_code', questionIds: [], message: 'No code was stored for this session.' });
  return reasons;
}

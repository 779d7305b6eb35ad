import type { SummaryInput } from './output.ts';

// The summary paragraph without a model: the computed report in a few plain sentences. Used when no
// model is configured and whenever the model cannot answer. Pure: same input, same paragraph (the
// audit replay re-derives it).

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function answers(input: SummaryInput): string {
  const qs = input.questions;
  if (!qs.length) return 'No questions were asked in this session, so nothing shows how well the candidate understands their code beyond the code itself.';
  const followUps = qs.filter((q) => q.label.includes('.')).length;
  const graded = qs.filter((q) => q.score !== null);
  const unanswered = qs.filter((q) => q.answer === null).length;
  const asked = `${plural(qs.length, 'question')} ${qs.length === 1 ? 'was' : 'were'} asked${followUps ? ` (${plural(followUps, 'follow-up')} among them)` : ''}`;
  const parts = [`${asked}; ${plural(graded.length, 'answer')} graded${unanswered ? `, ${unanswered} left unanswered` : ''}.`];
  const best = [...graded].sort((a, b) => (b.score as number) - (a.score as number) || (a.label < b.label ? -1 : 1))[0];
  const worst = [...graded].sort((a, b) => (a.score as number) - (b.score as number) || (a.label < b.label ? -1 : 1))[0];
  const about = (q: SummaryInput['questions'][number]) => `${q.label}${q.topic ? ` (${q.topic.replace(/_/g, ' ')})` : ''}, ${q.score}/100`;
  if (best && (best.score as number) >= 70) parts.push(`Best answer: ${about(best)}.`);
  if (worst && worst !== best && (worst.score as number) < 45) parts.push(`Weakest answer: ${about(worst)}${worst.missing.length ? `, missing ${worst.missing.slice(0, 2).join('; ')}` : ''}.`);
  return parts.join(' ');
}

function overall(input: SummaryInput): string {
  const o = input.overall;
  if (o.band === 'insufficient evidence') return `Too few graded answers for a decision${o.score !== null ? ` (the provisional score is ${o.score}/100)` : ''}.`;
  const dims = input.dimensions.filter((d) => d.score !== null && d.answers > 0).sort((a, b) => (b.score as number) - (a.score as number) || (a.label < b.label ? -1 : 1));
  const span = dims.length > 1 ? ` Strongest dimension: ${dims[0].label} (${dims[0].score}/100); weakest: ${dims[dims.length - 1].label} (${dims[dims.length - 1].score}/100).` : '';
  return `Overall ${o.score}/100, ${o.band}.${span}`;
}

export function heuristicSummary(input: SummaryInput): string {
  const review = input.review.length ? ` A person should review this report before deciding: ${input.review.slice(0, 3).join(' ')}` : '';
  return `${answers(input)} ${overall(input)}${review}`.slice(0, 1200);
}

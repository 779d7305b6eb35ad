import type { CodeCheck, DimensionScore, Evidence, Finding, ReportQuestion } from '../../shared/report.ts';
import { answerEvidence, byId, excerpt } from './util.ts';

// Strengths and weaknesses: every one cites evidence that exists in the report (an answer, or lines
// of code at a stored seq). At most six of each, the strongest first.

type Ranked = Finding & { rank: number };

export interface FindingsInput {
  dims: DimensionScore[];
  graded: ReportQuestion[];
  checks: CodeCheck[];
  /** the final snapshot, when there is one: static checks cite its lines */
  final: { seq: number; lines: number } | null;
  /** the seqs whose code the report holds: an answer's code is cited only if it can be shown */
  codeAt: Map<number, string>;
}

export function findings({ dims, graded, checks, final, codeAt }: FindingsInput): { strengths: Finding[]; weaknesses: Finding[] } {
  const strengths: Ranked[] = [];
  const weaknesses: Ranked[] = [];
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
  const top = (xs: Ranked[]): Finding[] =>
    xs.filter((f) => f.evidence.length).sort((a, b) => b.rank - a.rank || (a.text < b.text ? -1 : 1)).slice(0, 6).map(({ rank: _r, ...f }) => f);
  return { strengths: top(strengths), weaknesses: top(weaknesses) };
}

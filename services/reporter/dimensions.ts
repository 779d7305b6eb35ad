import type { CodeAnalysis, FunctionFacts } from '../../shared/analysis/index.ts';
import {
  DIMENSION_LABEL, DIMENSION_WEIGHT, DIMENSIONS, MIN_GRADED, TOPIC_DIMENSION,
  type CodeCheck, type Dimension, type DimensionScore, type Report, type ReportQuestion,
} from '../../shared/report.ts';
import { mean, round } from './util.ts';

// The numbers: static checks of the final code, a score per dimension, the overall score and band.
//
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
// The same is written into report.method for the reader (scoringMethod).

const STATIC_SHARE: Partial<Record<Dimension, number>> = { code_quality: 0.6, testing_and_edge_cases: 0.3 };

export function hireBand(score: number | null): string {
  if (score === null) return 'insufficient evidence';
  if (score >= 80) return 'strong hire';
  if (score >= 60) return 'leaning hire';
  if (score >= 40) return 'leaning no hire';
  return 'strong no hire';
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
  const rank = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^2 log n)', 'O(n^3)', 'O(2^n)'];
  const costly = [...fns, ...(a.topLevel ? [a.topLevel] : [])].sort((x, y) => rank.indexOf(y.complexityEstimate) - rank.indexOf(x.complexityEstimate) || x.startLine - y.startLine)[0];
  if (costly) {
    const r = rank.indexOf(costly.complexityEstimate);
    const where: [number, number] = costly.dominantLine ? [costly.dominantLine, costly.dominantLine] : span(costly);
    q('complexity', r <= 3 ? 1 : r <= 5 ? 0.6 : 0.3, `Estimated time complexity of the costliest part (${costly.name === '<module>' ? 'module level' : costly.name}): ${costly.complexityEstimate}${costly.dominantLine ? `, line ${costly.dominantLine} dominates` : ''}.`, where);
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

/** A score per dimension, in DIMENSIONS order, from the graded answers and the static checks. */
export function scoreDimensions(graded: ReportQuestion[], checks: CodeCheck[]): DimensionScore[] {
  return DIMENSIONS.map((key) => {
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
}

/** Weighted mean of the dimensions with evidence, and its band. */
export function overallScore(dims: DimensionScore[], gradedAnswers: number): { score: number | null; band: string } {
  let wsum = 0;
  let total = 0;
  for (const d of dims) {
    if (d.score === null) continue;
    const w = DIMENSION_WEIGHT[d.key] * (d.answers === 0 ? 0.5 : 1);
    wsum += w;
    total += w * d.score;
  }
  const score = wsum ? Math.round(total / wsum) : null;
  return { score, band: gradedAnswers < MIN_GRADED ? 'insufficient evidence' : hireBand(score) };
}

/** How the numbers are made, in words, for the reader of the report. */
export function scoringMethod(dims: DimensionScore[]): Report['method'] {
  return {
    overall: `Weighted mean of the dimensions with evidence (${DIMENSIONS.map((d) => `${d} ${DIMENSION_WEIGHT[d]}`).join(', ')}); a dimension backed only by static checks counts half. Fewer than ${MIN_GRADED} graded answers: insufficient evidence.`,
    bands: 'strong hire ≥ 80, leaning hire ≥ 60, leaning no hire ≥ 40, strong no hire below 40',
    dimensions: Object.fromEntries(dims.map((d) => [d.key, d.basis])) as Record<Dimension, string>,
  };
}

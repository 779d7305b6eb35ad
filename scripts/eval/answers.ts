// `npm run eval answers`: the heuristic grader against hand scores (eval/answers/<situation>/).
// Each situation is a candidate's program and the kind of question the trigger asks about it; the
// real question writer asks it (so the key comes from the code), the real grader grades every
// answer, and the grades are compared with the hand scores (0–10) by rank.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHeuristicProvider } from '../../services/agent/heuristic/provider.ts';
import { inversions, spearman, type Graded } from './answers-stats.ts';
import type { EvalPart, EvalResult } from './types.ts';

export const ANSWERS_DIR = fileURLToPath(new URL('../../eval/answers/', import.meta.url));

export interface LabelledAnswer { level: string; score: number; text: string; reason: string }
export interface Situation {
  id: string;
  language: string;
  topic: string;
  function: string;
  split: 'tune' | 'held-out';
  code: string;
  answers: LabelledAnswer[];
}

/** Levels that must never score above an excellent answer to the same question. */
export const BAD_LEVELS = new Set(['wrong', 'misconception', 'evasive']);
const LEVELS = ['excellent', 'improvement', 'partial', 'short_right', 'narration', 'misconception', 'keyword_list', 'wrong', 'evasive'];

export function loadSituations(dir = ANSWERS_DIR): Situation[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().map((id) => {
    const meta = JSON.parse(readFileSync(join(dir, id, 'answers.json'), 'utf8')) as Omit<Situation, 'code'>;
    const file = readdirSync(join(dir, id)).find((f) => /^solution\./i.test(f));
    if (!file) throw new Error(`${id}: no solution file`);
    return { ...meta, id, code: readFileSync(join(dir, id, file), 'utf8') };
  });
}

export interface AnswerRun {
  rows: (Graded & { split: string; rationale: string })[];
  /** situations whose question came out on another topic than labelled */
  offTopic: string[];
}

/** Asks each situation's question with the real provider and grades every labelled answer. */
export async function gradeSituations(situations: Situation[]): Promise<AnswerRun> {
  const provider = createHeuristicProvider();
  const rows: AnswerRun['rows'] = [];
  const offTopic: string[] = [];
  for (const s of situations) {
    const q = await provider.question({
      sessionId: `eval-${s.id}`, seq: 1, language: s.language, code: s.code, reasonCode: 'eval', reason: 'evaluation',
      context: { function: s.function, topic: s.topic, facts: { function: s.function } }, asked: [], retrieved: [],
    });
    if (q.topic !== s.topic) offTopic.push(`${s.id} (asked ${q.topic})`);
    for (const a of s.answers) {
      const g = await provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer: a.text, code: s.code, language: s.language, retrieved: [] });
      rows.push({ situation: s.id, split: s.split, level: a.level, hand: a.score, score: g.score, text: a.text, rationale: g.rationale });
    }
  }
  return { rows, offTopic };
}

/** Wrong, misconceived or evasive answers graded above an excellent answer to the same question. */
export function badAboveExcellent(rows: readonly Graded[]): Graded[][] {
  const out: Graded[][] = [];
  for (const bad of rows) {
    if (!BAD_LEVELS.has(bad.level)) continue;
    for (const ex of rows) if (ex.situation === bad.situation && ex.level === 'excellent' && bad.score >= ex.score) out.push([bad, ex]);
  }
  return out;
}

/** A keyword list graded at or above a committed right answer (excellent, improvement or short right). */
export function listsAboveRight(rows: readonly Graded[]): Graded[][] {
  const out: Graded[][] = [];
  for (const l of rows) {
    if (l.level !== 'keyword_list') continue;
    for (const r of rows) if (r.situation === l.situation && ['excellent', 'improvement', 'short_right'].includes(r.level) && l.score >= r.score) out.push([l, r]);
  }
  return out;
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const clip = (s: string, n = 70) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

export function summarise(run: AnswerRun, verbose: boolean): EvalResult {
  const { rows } = run;
  const rho = (rs: readonly Graded[]) => spearman(rs.map((r) => r.hand), rs.map((r) => r.score));
  const tune = rows.filter((r) => r.split === 'tune');
  const held = rows.filter((r) => r.split === 'held-out');
  const figures = { rho: rho(rows), rhoTune: rho(tune), rhoHeldOut: rho(held), badAboveExcellent: badAboveExcellent(rows).length, listsAboveRight: listsAboveRight(rows).length, answers: rows.length };
  const lines = [
    `${rows.length} answers over ${new Set(rows.map((r) => r.situation)).size} situations (${tune.length} tune, ${held.length} held-out)`,
    `Spearman rho: all ${f2(figures.rho)}, tune ${f2(figures.rhoTune)}, held-out ${f2(figures.rhoHeldOut)} (target held-out >= 0.80)`,
    `wrong/misconceived/evasive graded at or above an excellent answer: ${figures.badAboveExcellent} (target 0)`,
    `keyword lists graded at or above a committed right answer: ${figures.listsAboveRight}`,
    'mean by level (hand 0-10 -> grade 0-100):',
  ];
  for (const level of LEVELS) {
    const rs = rows.filter((r) => r.level === level);
    if (!rs.length) continue;
    const m = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    lines.push(`  ${level.padEnd(14)} n=${String(rs.length).padStart(3)}  hand ${m(rs.map((r) => r.hand)).toFixed(1).padStart(4)}  grade ${m(rs.map((r) => r.score)).toFixed(0).padStart(3)}`);
  }
  lines.push('ten worst inversions (hand says the first is better; the grader disagrees):');
  for (const inv of inversions(rows).slice(0, 10)) {
    lines.push(`  ${inv.better.situation}: [${inv.better.level} ${inv.better.hand}/10 -> ${inv.better.score}] "${clip(inv.better.text)}"`);
    lines.push(`  ${' '.repeat(inv.better.situation.length)}  [${inv.worse.level} ${inv.worse.hand}/10 -> ${inv.worse.score}] "${clip(inv.worse.text)}"`);
  }
  if (run.offTopic.length) lines.push(`questions asked on another topic than labelled: ${run.offTopic.join(', ')}`);
  if (verbose) {
    lines.push('every answer:');
    for (const r of rows) lines.push(`  ${r.situation} ${r.level} hand ${r.hand} grade ${r.score}: ${clip(r.text, 60)} | ${clip(r.rationale, 120)}`);
  }
  return { figures, lines, ok: figures.rhoHeldOut >= 0.8 && figures.badAboveExcellent === 0 };
}

export const answersPart: EvalPart = {
  name: 'answers',
  async run({ verbose }) {
    // ANSWERS_ONLY=id,id measures a subset (a fresh batch before any change is made for it).
    const only = (process.env.ANSWERS_ONLY ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    const all = loadSituations();
    return summarise(await gradeSituations(only.length ? all.filter((s) => only.includes(s.id)) : all), verbose);
  },
};

// The labelled answer set (eval/answers) and the grader's agreement with it: the set must keep its
// shape (situations, languages, levels, the deterministic tune/held-out split), and the real
// question writer + grader must keep held-out Spearman ρ ≥ 0.8 with no wrong, misconceived or
// evasive answer graded at or above an excellent one. A regression in the grader fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badAboveExcellent, gradeSituations, loadSituations, summarise } from '../scripts/eval/answers.ts';
import { ranks, spearman } from '../scripts/eval/answers-stats.ts';

const situations = loadSituations();

test('the answer set: ≥ 15 situations over all six languages, ≥ 200 hand-scored answers, every level present', () => {
  assert.ok(situations.length >= 15, `${situations.length} situations`);
  assert.deepEqual([...new Set(situations.map((s) => s.language))].sort(), ['cpp', 'go', 'java', 'javascript', 'python', 'typescript']);
  const answers = situations.flatMap((s) => s.answers);
  assert.ok(answers.length >= 200, `${answers.length} answers`);
  for (const s of situations) {
    const levels = new Set(s.answers.map((a) => a.level));
    for (const l of ['excellent', 'partial', 'short_right', 'wrong', 'evasive', 'keyword_list']) assert.ok(levels.has(l), `${s.id} lacks ${l}`);
    for (const a of s.answers) {
      assert.ok(Number.isInteger(a.score) && a.score >= 0 && a.score <= 10, `${s.id}: ${a.text}`);
      assert.ok(a.reason.length > 3, `${s.id}: a reason for "${a.text}"`);
    }
  }
});

test('the split is by situation, named in the data: at least a third held out, in every language mix', () => {
  const held = situations.filter((s) => s.split === 'held-out');
  assert.ok(situations.every((s) => s.split === 'tune' || s.split === 'held-out'));
  // A third of the first batches, plus every later blind batch whole (written and scored before any change for it).
  assert.ok(held.length / situations.length >= 1 / 3 - 0.05 && held.length < situations.length, `${held.length} of ${situations.length} held out`);
  assert.ok(new Set(held.map((s) => s.language)).size >= 4, 'held-out situations span several languages');
});

test('Spearman with ties', () => {
  assert.deepEqual(ranks([10, 20, 20, 5]), [2, 3.5, 3.5, 1]);
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 1);
  assert.equal(spearman([1, 2, 3, 4], [40, 30, 20, 10]), -1);
});

test('the grader agrees with the hand scores: held-out rho >= 0.8, and nothing wrong or evasive above an excellent answer', async () => {
  const run = await gradeSituations(situations);
  assert.deepEqual(run.offTopic, [], 'every situation is asked on its labelled topic');
  const r = summarise(run, false);
  assert.ok(r.figures.rhoHeldOut >= 0.8, r.lines.join('\n'));
  assert.ok(r.figures.rho >= 0.8, r.lines.join('\n'));
  const bad = badAboveExcellent(run.rows);
  assert.equal(bad.length, 0, bad.map(([b, e]) => `${b.situation}: "${b.text}" (${b.score}) >= "${e.text}" (${e.score})`).join('\n'));
  assert.ok(r.ok);
  // A list of terms stays below the right answers on average, and every short right answer is graded in the middle or above.
  const mean = (level: string) => {
    const xs = run.rows.filter((x) => x.level === level).map((x) => x.score);
    return xs.reduce((s, x) => s + x, 0) / xs.length;
  };
  assert.ok(mean('keyword_list') < mean('short_right') - 15, r.lines.join('\n'));
  assert.ok(mean('wrong') < 20 && mean('excellent') > 75, r.lines.join('\n'));
});

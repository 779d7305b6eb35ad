import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReportHtml } from '../services/gateway/report-html.ts';
import { notAsked, type MomentDecisionRow, type MomentJson } from '../services/reporter/not-asked.ts';
import { buildReport } from '../services/reporter/report.ts';

// "Not asked" in the report: the moments the trigger held back and never asked, from its archived
// decisions alone, each with why, in plain words (no reason codes a reader cannot decode).

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const at = (sec: number) => new Date(T0 + sec * 1000);
const m = (fn: string, topic: string, sentence: string): MomentJson => ({ key: `${topic}:${fn}`, reasonCode: 'function_completed', topic, function: fn, lines: [1, 5], sentence });
const A = m('a', 'time_complexity', 'a looks finished; its loops suggest O(n^2).');
const B = m('b', 'edge_cases', 'b looks finished and uses xs[0] without checking that xs is non-empty.');
const C = m('c', 'purpose', 'c looks finished (it returns a value and parses cleanly).');

const row = (sec: number, decision: string, reasonCode: string, held: MomentJson[] | null, asked: MomentJson | null = null, seq = sec): MomentDecisionRow =>
  ({ at: at(sec), seq, decision, reasonCode, held, asked });

test('what is still held at the end is listed with why, as last held; what was asked or typed away is not', () => {
  const B2 = { ...B, lines: [3, 9] as [number, number], sentence: 'b looks finished and uses xs[0] on line 4 without checking that xs is non-empty.' };
  const rows = [
    row(10, 'skip', 'min_interval', [A, B]),
    row(20, 'skip', 'nothing_new', null),
    row(30, 'ask', 'function_completed', [B], A),
    row(40, 'skip', 'question_pending', [B2, C]),
    row(50, 'skip', 'nothing_new', [B2]), // c's function was deleted: superseded, not missed
    row(60, 'skip', 'question_pending', null),
  ];
  const out = notAsked(rows);
  assert.deepEqual(out.map((x) => x.function), ['b']);
  const [b] = out;
  assert.equal(b.moment, B2.sentence, 'described as last held');
  assert.deepEqual(b.lines, [3, 9]);
  assert.equal(b.at, at(10).toISOString(), 'held since its first moment');
  assert.equal(b.seq, 10);
  assert.match(b.why, /a question was still waiting for its answer/);
  assert.ok(out.every((x) => !/_/.test(x.why)), 'plain words, no codes');
});

test('held back by the maximum, or never at a boundary: said so', () => {
  assert.match(notAsked([row(5, 'skip', 'max_questions', [A])])[0].why, /maximum number of questions/);
  assert.match(notAsked([row(5, 'skip', 'mid_edit', [A])])[0].why, /line was finished and the code parsed/);
  assert.match(notAsked([row(5, 'skip', 'min_interval', [A, B]), row(6, 'ask', 'x', [B], A)])[0].why, /ranked higher were asked first/);
  assert.deepEqual(notAsked([row(5, 'skip', 'min_interval', [A]), row(6, 'ask', 'x', [], A)]), []);
});

test('the report carries them and the page shows a "Not asked" section', () => {
  const r = buildReport({
    session: {
      id: '3d6f1c1e-2b7a-4c1d-9f0e-5a6b7c8d9e0f', candidate: { name: 'Ada' }, problem: { title: 'T', statement: '', language: 'python' },
      settings: {}, status: 'reported', created_at: at(0), expires_at: at(3600), ended_at: at(600), ended_by: 'candidate',
    },
    questions: [],
    snapshots: { count: 1, first_at: at(0), last_at: at(590), final: { seq: 1, code: 'x = 1\n', language: 'python', lines: 1 } },
    moments: [row(10, 'skip', 'quiet_start', [{ ...A, sentence: 'a <b>looks</b> finished.' }])],
    generatedAt: at(700),
  });
  assert.equal(r.timeline.notAsked?.length, 1);
  const html = renderReportHtml(r, { codeUrl: (s) => `/code?seq=${s}` });
  assert.ok(html.includes('>Not asked</'));
  assert.ok(html.includes('a &lt;b&gt;looks&lt;/b&gt; finished.'), 'escaped');
  assert.match(html, /Not asked because it came during the quiet first minutes/);
});

// The report page: self-contained, every piece of candidate text escaped, a chart with question
// markers, and links to the code at each question's seq.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode } from '../shared/analysis/index.ts';
import type { QuestionRow } from '../services/reporter/queries.ts';
import { buildReport, type Report } from '../services/reporter/report.ts';
import { isCurrentReport, renderPendingHtml, renderRawReportHtml, renderReportHtml } from '../services/gateway/report-html.ts';

const SID = '3d6f1c1e-2b7a-4c1d-9f0e-5a6b7c8d9e0f';
const CODE = `def mean(xs):
    # </pre><script>alert("code")</script>
    return sum(xs) / len(xs)
`;
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const at = (sec: number) => new Date(T0 + sec * 1000);
const codeUrl = (seq: number) => `/v1/sessions/${SID}/code?seq=${seq}`;

function row(id: string, over: Partial<QuestionRow>): QuestionRow {
  return {
    id, request_id: `req-${id}`, parent_id: null, seq: 5, reason_code: 'function_completed', reason: 'mean looks finished.', question: 'What does mean do?',
    topic: 'purpose', line_from: 1, line_to: 3, provider: 'heuristic', model: 'heuristic-v1', fallback: false, asked_at: at(60), answer: 'It averages.',
    answered_at: at(90), evaluation: { score: 80, rubric: { correctness: 3, grounding: 2, abstraction: 2, completeness: 2 }, rationale: 'Purpose-level.', flags: [] }, score: 80, ...over,
  };
}

async function report(): Promise<Report> {
  const questions = [
    row('q1', {}),
    row('q2', {
      seq: 9, asked_at: at(200), topic: 'edge_cases', question: 'What if xs is empty? " onmouseover="alert(1)',
      answer: 'It crashes <script>alert("answer")</script> <img src=https://evil.example/x.png>',
      evaluation: { score: 30, rubric: { correctness: 1, grounding: 1, abstraction: 1, completeness: 0 }, rationale: 'Says <b>crash</b>.', flags: ['prompt_injection'], missing: ['ZeroDivisionError'] },
      score: 30,
    }),
    row('q2f', { parent_id: 'q2', seq: 9, asked_at: at(260), topic: null, answer: null, answered_at: null, evaluation: null, score: null }),
  ];
  return buildReport({
    session: {
      id: SID, candidate: { name: 'Eve <script>alert("name")</script>' }, problem: { title: 'Mean & <friends>', statement: '', language: 'python' },
      settings: {}, status: 'reported', created_at: at(0), expires_at: at(3600), ended_at: at(600), ended_by: 'candidate',
    },
    questions,
    snapshots: { count: 12, first_at: at(0), last_at: at(590), final: { seq: 12, code: CODE, language: 'python', lines: 3 } },
    series: Array.from({ length: 12 }, (_, i) => ({ seq: i + 1, at: at(i * 50), lines: Math.min(3, i), bytes: i * 15 })),
    decisions: [
      { eventId: '1-0', at: at(59), decision: 'ask', reasonCode: 'function_completed', reason: 'mean looks finished.', seq: 5, requestId: 'req-q1' },
      { eventId: '2-0', at: at(120), decision: 'skip', reasonCode: 'min_interval', reason: 'too soon <b>', seq: 7, requestId: null },
    ],
    editorEvents: [{ eventId: 'e', at: at(30), kind: 'paste', detail: '<script>alert("paste")</script>' }],
    codeAt: [{ seq: 5, code: CODE }, { seq: 9, code: CODE }],
    analysis: await analyzeCode(CODE, 'python'),
    generatedAt: at(700),
  });
}

test('renders a full page with every section', async () => {
  const r = await report();
  const html = renderReportHtml(r, { codeUrl });
  assert.match(html, /^<!doctype html>/);
  for (const heading of ['Human review required', 'Dimensions', 'Strengths', 'Weaknesses', 'How the code grew', 'Questions and answers', 'Trigger decisions', 'Integrity signals', 'Final code']) {
    assert.ok(html.includes(`>${heading}</`), `section ${heading}`);
  }
  assert.ok(html.includes(r.overall.band));
  assert.match(html, /signals for a human to weigh, not verdicts/i);
  assert.ok(html.includes('Q2.1 · follow-up'), 'the follow-up is shown under its parent');
  assert.ok(html.indexOf('id="q-q2"') < html.indexOf('id="q-q2f"'));
});

test('no resource or link leaves the page', async () => {
  const html = renderReportHtml(await report(), { codeUrl });
  // attributes of real tags only: escaped candidate text has no `<` left to open one
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  const targets = tags.flatMap((tag) => [...tag.matchAll(/\s(?:src|href|action|srcset|poster|data|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)])
    .map((m) => m[1].replace(/^["']|["']$/g, ''));
  assert.ok(targets.length > 5);
  for (const t of targets) assert.ok(t.startsWith('#') || t.startsWith(`/v1/sessions/${SID}/code?seq=`), `unexpected link target ${t}`);
  assert.doesNotMatch(html, /<link\b|<script\b|<iframe\b|<img\b|@import|url\(/i);
  // internal anchors all land somewhere
  for (const t of targets.filter((x) => x.startsWith('#'))) assert.ok(html.includes(`id="${t.slice(1)}"`), `dangling anchor ${t}`);
});

test('escapes candidate text in answers, code, names, pastes and attributes', async () => {
  const html = renderReportHtml(await report(), { codeUrl });
  assert.ok(html.includes('&lt;script&gt;alert(&quot;answer&quot;)&lt;/script&gt;'), 'answer escaped');
  assert.ok(html.includes('&lt;/pre&gt;&lt;script&gt;alert(&quot;code&quot;)&lt;/script&gt;'), 'code escaped');
  assert.ok(html.includes('Eve &lt;script&gt;'), 'name escaped');
  assert.ok(html.includes('Mean &amp; &lt;friends&gt;'));
  assert.ok(html.includes('Says &lt;b&gt;crash&lt;/b&gt;.'), 'model text escaped too');
  assert.doesNotMatch(html, /" onmouseover="/, 'a quote in a question cannot leave its attribute');
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
});

test('an svg chart with a marker per question (and decisions) linking to the cards', async () => {
  const r = await report();
  const html = renderReportHtml(r, { codeUrl });
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  assert.ok(svg.length > 100);
  assert.equal((svg.match(/class="qdot"/g) ?? []).length, 3);
  for (const id of ['q1', 'q2', 'q2f']) assert.ok(svg.includes(`<a href="#q-${id}">`), `marker for ${id}`);
  assert.equal((svg.match(/class="dask"/g) ?? []).length, 1);
  assert.equal((svg.match(/class="dskip"/g) ?? []).length, 1);
  assert.ok(svg.includes('<path d="M'), 'the size line');
});

test('links to the code at each question\'s seq and the final seq', async () => {
  const html = renderReportHtml(await report(), { codeUrl });
  for (const seq of [5, 9, 12]) assert.ok(html.includes(`href="/v1/sessions/${SID}/code?seq=${seq}"`), `code?seq=${seq}`);
  assert.ok(html.includes('id="L3"'), 'final code lines have anchors');
});

test('pending and older-format pages', () => {
  assert.match(renderPendingHtml('active'), /still running/);
  assert.match(renderPendingHtml('ended'), /http-equiv="refresh"/);
  const raw = renderRawReportHtml({ summary: '<script>x</script>' });
  assert.ok(raw.includes('&lt;script&gt;x&lt;/script&gt;'));
  assert.doesNotMatch(raw, /<script/);
  assert.equal(isCurrentReport({ summary: 'old' }), false);
});

test('isCurrentReport accepts what buildReport wrote, after a JSON round trip', async () => {
  assert.equal(isCurrentReport(JSON.parse(JSON.stringify(await report()))), true);
});

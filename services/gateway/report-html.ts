// The report as a page a person reads: self-contained (inline CSS and SVG, no script, no font or
// image from anywhere), every piece of candidate or model text escaped. The shape is the reporter's
// stored JSON, whose contract lives in shared/report.ts (type-only here: no reporter code runs in the gateway).
import type { Evidence, Finding, Report, ReportQuestion } from '../../shared/report.ts';
import { escapeHtml as esc, scoreColor, sizeChart } from './svg.ts';

export interface RenderOptions {
  /** the API address of the code at a seq: `/v1/sessions/{id}/code?seq=N` (plus `&token=` when the page was opened with one) */
  codeUrl: (seq: number) => string;
}

const BAND_COLOR: Record<string, string> = {
  'strong hire': '#1f8a4c', 'leaning hire': '#5f9e2f', 'leaning no hire': '#c98a0b', 'strong no hire': '#c2410c', 'insufficient evidence': '#6b7280',
};

const CSS = `
*{box-sizing:border-box}body{margin:0;background:#f4f5f7;color:#1d2430;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1080px;margin:0 auto;padding:24px}section,header{background:#fff;border:1px solid #e1e4e8;border-radius:10px;padding:20px 24px;margin-bottom:18px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:0 0 6px}.muted{color:#667085}.small{font-size:13px}
.top{display:flex;justify-content:space-between;gap:24px;align-items:flex-start}.top>div:first-child{flex:1 1 auto;min-width:0}@media(max-width:760px){.top{flex-wrap:wrap}}.band{color:#fff;border-radius:10px;padding:10px 18px;text-align:center;min-width:200px;flex:0 0 auto}.band em{display:block;font-style:normal;font-size:12px;opacity:.9}
.band b{display:block;font-size:34px;line-height:1.1}.band span{text-transform:uppercase;letter-spacing:.04em;font-size:13px;font-weight:600}
.review{background:#fff8e6;border:1px solid #f0c36d;border-radius:10px;padding:14px 20px;margin-bottom:18px}.review h2{color:#8a5a00;margin-bottom:6px}.review ul{margin:0;padding-left:20px}
.ok{background:#eefaf2;border-color:#a6d8b8}.dims{display:grid;gap:10px}.dim{display:grid;grid-template-columns:210px 1fr 190px;align-items:center;gap:12px}
.bar{background:#edf0f3;border-radius:6px;height:14px;overflow:hidden}.bar i{display:block;height:100%;border-radius:6px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:18px}@media(max-width:760px){.cols{grid-template-columns:1fr}.dim{grid-template-columns:1fr}}
.finding{margin:0 0 12px;padding-left:12px;border-left:3px solid #d0d5dd}.good{border-color:#1f8a4c}.bad{border-color:#c2410c}
.ev{display:block;font-size:13px;color:#475467;margin-top:2px}a{color:#1f5fbf;text-decoration:none}a:hover{text-decoration:underline}
.q{border:1px solid #e1e4e8;border-radius:8px;padding:14px 16px;margin-bottom:14px}.q .q{margin:12px 0 0 18px;background:#fafbfc}
.qhead{display:flex;justify-content:space-between;gap:12px;align-items:baseline}.score{color:#fff;border-radius:6px;padding:2px 10px;font-weight:700;white-space:nowrap}
.why{font-size:13px;color:#475467;margin:4px 0 8px}.qtext{font-weight:600;margin:6px 0}.answer{white-space:pre-wrap;background:#f7f8fa;border-radius:6px;padding:8px 12px;margin:6px 0}
.tag{display:inline-block;background:#eef1f5;border-radius:4px;padding:0 6px;font-size:12px;margin-right:4px}.flag{background:#fde8e1;color:#9a2c0a}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f2;vertical-align:top}
pre{background:#0f1720;color:#e6edf3;border-radius:8px;padding:12px 0;overflow-x:auto;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:6px 0}
pre .l{display:block;padding:0 14px 0 0}pre .n{display:inline-block;width:44px;padding-right:12px;text-align:right;color:#6b7785;user-select:none}pre .hl{background:#3a2f12}
.note{background:#f2f4f7;border-radius:6px;padding:8px 12px;font-size:13px;color:#475467;margin-bottom:10px}
.chart{width:100%;height:auto}.chart .grid{stroke:#eceef1}.chart .axis{fill:#667085;font-size:12px}.chart .area{fill:#dbe7fb}.chart .line{fill:none;stroke:#2f6fdb;stroke-width:2}
.chart .qline{stroke-dasharray:3 3;stroke-width:1.5}.chart .qlabel{fill:#fff;font-size:10px;font-weight:700}.chart .dask{fill:#1d2430}.chart .dskip{fill:#c3c8d0}
.legend{font-size:12px;color:#667085;margin-top:6px}.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 12px;vertical-align:middle}
details summary{cursor:pointer;color:#475467}`;

const num = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v)) : '–');
const label = (s: string) => esc(s.replace(/_/g, ' '));
const anchor = (questionId: string) => `q-${questionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<meta name="referrer" content="no-referrer">${extraHead}<title>${esc(title)}</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`;
}

/** `2025-03-01 10:00 UTC`: the same for every reader, whatever their time zone. */
function when(at: string | null): string {
  return at && Number.isFinite(Date.parse(at)) ? `<span title="${esc(at)}">${esc(new Date(at).toISOString().slice(0, 16).replace('T', ' '))} UTC</span>` : '–';
}

function elapsed(at: string | null, start: string | null): string {
  if (!at) return '–';
  const ms = Date.parse(at) - Date.parse(start ?? at);
  if (!Number.isFinite(ms)) return esc(at);
  const s = Math.max(0, Math.round(ms / 1000));
  return `<span title="${esc(at)}">+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}</span>`;
}

function codeBlock(code: string, from: number, highlight: Set<number>, ids: boolean): string {
  const lines = code.replace(/\n$/, '').split('\n');
  return `<pre><code>${lines.map((l, i) => {
    const n = from + i;
    return `<span class="l${highlight.has(n) ? ' hl' : ''}"${ids ? ` id="L${n}"` : ''}><span class="n">${n}</span>${esc(l)}</span>`;
  }).join('')}</code></pre>`;
}

function evidenceLink(e: Evidence, r: Report, o: RenderOptions): string {
  if (e.kind === 'answer') {
    const q = allQuestions(r).find((x) => x.questionId === e.questionId);
    return `<span class="ev"><a href="#${anchor(e.questionId)}" title="${esc(e.question)}">${esc(q?.label ?? 'answer')}</a> answered: “${esc(e.answerExcerpt)}”</span>`;
  }
  const here = r.code.final?.seq === e.seq ? ` · <a href="#L${num(e.lines[0])}">in the final code below</a>` : '';
  return `<span class="ev"><a href="${esc(o.codeUrl(e.seq))}">code at seq ${num(e.seq)}, ${lineRange(e.lines)}</a>${here}</span>`;
}

function findings(title: string, list: Finding[], cls: string, r: Report, o: RenderOptions): string {
  const items = list.map((f) => `<div class="finding ${cls}">${esc(f.text)}${f.evidence.map((e) => evidenceLink(e, r, o)).join('')}</div>`).join('');
  return `<div><h2>${title}</h2>${items || '<p class="muted">None stood out.</p>'}</div>`;
}

function question(q: ReportQuestion, r: Report, o: RenderOptions): string {
  const grade = q.status === 'graded'
    ? `<span class="score" style="background:${scoreColor(q.score)}">${num(q.score)}/100</span>`
    : `<span class="score" style="background:#8a8f98">${q.status === 'unanswered' ? 'not answered' : 'not graded'}</span>`;
  const rubric = q.rubric ? Object.entries(q.rubric).map(([k, v]) => `<span class="tag">${label(k)} ${num(v)}/3</span>`).join('') : '';
  const flags = q.flags.map((f) => `<span class="tag flag">${label(f)}</span>`).join('');
  const lines = q.lines ? `, ${lineRange(q.lines)}` : '';
  const graded = q.gradedBy ? ` · graded by ${esc(q.gradedBy.provider)}/${esc(q.gradedBy.model)}${q.gradedBy.fallback ? ' (fallback)' : ''}` : '';
  return `<div class="q" id="${anchor(q.questionId)}"><div class="qhead"><h3>${esc(q.label)} · ${label(q.topic ?? (q.parentId ? 'follow-up' : 'question'))} <span class="muted small">(${label(q.dimension)})</span></h3>${grade}</div>`
    + `<div class="why">Asked ${elapsed(q.askedAt, r.startedAt)} because <b>${label(q.reasonCode)}</b>: ${esc(q.reason)} · <a href="${esc(o.codeUrl(q.seq))}">code at seq ${num(q.seq)}${lines}</a></div>`
    + `<div class="qtext">${esc(q.question)}</div>`
    + (q.excerpt ? codeBlock(q.excerpt.text, q.excerpt.from, new Set(q.lines ? range(q.lines) : []), false) : '')
    + (q.answer !== null ? `<div class="answer">${esc(q.answer)}</div>` : '<p class="muted">No answer was given.</p>')
    + (q.status === 'graded' ? `<div>${rubric}${flags}${q.commitment ? `<span class="tag">${label(q.commitment)}</span>` : ''}</div><p class="small">${esc(q.rationale ?? '')}</p>` : '')
    + (q.missing.length ? `<p class="small muted">Missing: ${q.missing.map(esc).join('; ')}</p>` : '')
    + `<div class="small muted">asked by ${esc(q.askedBy.provider)}/${esc(q.askedBy.model)}${q.askedBy.fallback ? ' (fallback)' : ''}${graded}</div>`
    + q.followUps.map((f) => question(f, r, o)).join('') + '</div>';
}

const lineRange = ([a, b]: [number, number]) => (a === b ? `line ${num(a)}` : `lines ${num(a)}–${num(b)}`);

function allQuestions(r: Report): ReportQuestion[] {
  const walk = (q: ReportQuestion): ReportQuestion[] => [q, ...q.followUps.flatMap(walk)];
  return r.questions.flatMap(walk);
}

function range([a, b]: [number, number]): number[] {
  const out: number[] = [];
  for (let i = a; i <= Math.min(b, a + 500); i++) out.push(i);
  return out;
}

export function renderReportHtml(r: Report, o: RenderOptions): string {
  const color = BAND_COLOR[r.overall.band] ?? '#6b7280';
  const flat = allQuestions(r);
  const header = `<header><div class="top"><div><h1>${esc(r.candidate.name)}</h1>`
    + `<div class="muted">${r.candidate.email ? `${esc(r.candidate.email)} · ` : ''}${esc(r.problem.title)} (${esc(r.problem.language)})</div>`
    + `<div class="small muted">${when(r.startedAt)}${r.endedAt ? ` – ${when(r.endedAt)}` : ''} · ${num(r.overall.questions)} questions, ${num(r.overall.gradedAnswers)} graded answers · ${num(r.code.snapshots)} code snapshots</div></div>`
    + `<div class="band" style="background:${color}"><b>${num(r.overall.score)}</b><span>${esc(r.overall.band)}</span>${r.overall.band === 'insufficient evidence' && r.overall.score !== null ? '<em>the number is provisional</em>' : ''}</div></div></header>`;
  // Written by the model when one is configured; the page says which, and when the heuristic stood in.
  const summary = r.summary
    ? `<section><h2>Summary</h2><p>${esc(r.summary.text)}</p><div class="small muted">Written by ${r.summary.writtenBy.provider === 'heuristic' ? 'the offline heuristic' : `the model ${esc(r.summary.writtenBy.model)}`}${r.summary.writtenBy.fallback ? ', because the model could not answer' : ''}; the score and band above are computed, not the writer’s.</div></section>`
    : '';
  const review = r.humanReviewRequired
    ? `<div class="review"><h2>Human review required</h2><ul>${r.humanReviewReasons.map((x) => `<li>${esc(x.message)}${x.questionIds.length ? ` (${x.questionIds.map((id) => { const q = flat.find((f) => f.questionId === id); return `<a href="#${anchor(id)}">${esc(q?.label ?? id)}</a>`; }).join(', ')})` : ''}</li>`).join('')}</ul></div>`
    : '<div class="review ok">No automatic reason for a second look was found. The grades are still a machine’s: read the answers.</div>';
  const dims = `<section><h2>Dimensions</h2><div class="dims">${r.dimensions.map((d) => `<div class="dim" title="${esc(d.basis)}"><div>${esc(d.label)}</div>`
    + `<div class="bar"><i style="width:${Math.max(0, Math.min(100, Number(d.score) || 0))}%;background:${d.score === null ? '#d0d5dd' : scoreColor(d.score)}"></i></div>`
    + `<div class="small" style="white-space:nowrap">${d.score === null ? '<span class="muted">no evidence</span>' : `<b>${num(d.score)}/100</b> <span class="muted">· ${num(d.evidence)} piece${d.evidence === 1 ? '' : 's'} of evidence</span>`}</div></div>`).join('')}</div>`
    + `<details class="small"><summary>How these numbers are made</summary><p>${esc(r.method.overall)} Bands: ${esc(r.method.bands)}.</p><ul>${r.dimensions.map((d) => `<li><b>${esc(d.label)}</b>: ${esc(d.basis)}${d.answerScore !== null && d.staticScore !== null ? ` (answers ${num(d.answerScore)}, static ${num(d.staticScore)})` : ''}</li>`).join('')}</ul></details></section>`;
  const sw = `<section class="cols">${findings('Strengths', r.strengths, 'good', r, o)}${findings('Weaknesses', r.weaknesses, 'bad', r, o)}</section>`;
  const chart = sizeChart(r.code.series,
    flat.map((q) => ({ at: q.askedAt, label: q.label, href: `#${anchor(q.questionId)}`, score: q.score, answered: q.status === 'graded', title: `${q.label} (${q.reasonCode}): ${q.question}` })),
    r.timeline.decisions.map((d) => ({ at: d.at, decision: d.decision, title: `${d.decision} · ${d.reasonCode}: ${d.reason}` })));
  const progress = `<section><h2>How the code grew</h2>${chart}<div class="legend">Question asked (grade):<i style="background:#1f8a4c"></i>70+<i style="background:#c98a0b"></i>40–69<i style="background:#c2410c"></i>below 40<i style="background:#8a8f98"></i>not graded · ▲ on the axis: trigger decisions (dark = ask, light = held back)</div></section>`;
  const qs = `<section><h2>Questions and answers</h2>${r.questions.map((q) => question(q, r, o)).join('') || '<p class="muted">No questions were asked.</p>'}</section>`;
  const timeline = `<section><h2>Trigger decisions</h2><p class="small muted">Why the system asked when it did${r.timeline.decisionsTotal > r.timeline.decisions.length ? ` (showing ${num(r.timeline.decisions.length)} of ${num(r.timeline.decisionsTotal)}; every ask is kept)` : ''}.</p>`
    + (r.timeline.decisions.length ? `<table><tr><th>time</th><th>seq</th><th>decision</th><th>reason</th></tr>${r.timeline.decisions.map((d) => {
      const q = d.questionId ? flat.find((f) => f.questionId === d.questionId) : undefined;
      return `<tr><td>${elapsed(d.at, r.startedAt)}</td><td>${num(d.seq)}</td><td>${d.decision === 'ask' ? '<b>ask</b>' : esc(d.decision)}${q ? ` → <a href="#${anchor(q.questionId)}">${esc(q.label)}</a>` : ''}</td><td><span class="tag">${esc(d.reasonCode)}</span> ${esc(d.reason)}</td></tr>`;
    }).join('')}</table>` : '<p class="muted">No decisions were archived.</p>') + '</section>';
  const notAsked = r.timeline.notAsked
    ? `<section><h2>Not asked</h2><p class="small muted">Moments worth a question that were held back and never asked, and why.</p>`
      + (r.timeline.notAsked.length ? `<ul>${r.timeline.notAsked.map((m) => `<li>${esc(m.moment)} <span class="small muted">(${elapsed(m.at, r.startedAt)}${m.seq !== null ? `, seq ${num(m.seq)}` : ''})</span><br><span class="small">Not asked because ${esc(m.why)}.</span></li>`).join('')}</ul>` : '<p class="muted">Every moment held back was asked in the end.</p>')
      + '</section>'
    : '';
  const integrity = `<section><h2>Integrity signals</h2><div class="note">${esc(r.integrity.note)}</div>`
    + (r.integrity.signals.map((s) => `<div class="finding"><b>${label(s.kind)}</b> (${num(s.count)}): ${esc(s.summary)}${s.at.length ? `<span class="ev">at ${s.at.slice(0, 10).map((t) => elapsed(t, r.startedAt)).join(', ')}</span>` : ''}${s.evidence.map((e) => evidenceLink(e, r, o)).join('')}</div>`).join('') || '<p class="muted">No signals were recorded.</p>')
    + `<p class="small muted">Code runs: ${num(r.integrity.runs)}.</p></section>`;
  const f = r.code.final;
  const marked = new Set(r.weaknesses.flatMap((w) => w.evidence).flatMap((e) => (e.kind === 'code' && e.seq === f?.seq && e.lines[1] - e.lines[0] < 50 ? range(e.lines) : [])));
  const checks = r.code.checks.length ? `<ul class="small">${r.code.checks.map((c) => `<li>${esc(c.text)}${c.lines[0] > 1 || c.lines[1] < (f?.lines ?? 0) ? ` <a href="#L${num(c.lines[0])}">line ${num(c.lines[0])}</a>` : ''}</li>`).join('')}</ul>` : '';
  const code = `<section><h2>Final code</h2>${f ? `<p class="small muted">seq ${num(f.seq)} · ${esc(f.language)} · ${num(f.lines)} lines · <a href="${esc(o.codeUrl(f.seq))}">raw</a></p>${checks}${codeBlock(f.code, 1, marked, true)}` : '<p class="muted">No code was stored.</p>'}</section>`;
  const footer = `<p class="small muted">Models: ${r.providers.map((p) => `${esc(p.provider)}/${esc(p.model)} (${p.usedFor.map(esc).join(', ')}; ${num(p.calls)} uses${p.fallbackCalls ? `, ${num(p.fallbackCalls)} as fallback` : ''})`).join('; ') || 'none'} · session ${esc(r.sessionId)} · generated ${when(r.generatedAt)}</p>`;
  return page(`Report: ${r.candidate.name} — ${r.problem.title}`, header + summary + review + dims + sw + progress + qs + timeline + notAsked + integrity + code + footer);
}

/** A stored report this page does not know (an older version): shown as it is, escaped. */
export function renderRawReportHtml(report: unknown): string {
  return page('Report', `<section><h1>Report</h1><p class="muted">This report was written in an older format; here it is as stored.</p><pre>${esc(JSON.stringify(report, null, 2))}</pre></section>`);
}

/** While the session runs or the report is being written; reloads itself every 10 s. */
export function renderPendingHtml(status: string): string {
  const text = status === 'active' ? 'The session is still running. The report is written when it ends.' : 'The report is being written. This page reloads by itself.';
  return page('Report being written', `<section><h1>Report not ready yet</h1><p>${esc(text)}</p></section>`, '<meta http-equiv="refresh" content="10">');
}

export function isCurrentReport(x: unknown): x is Report {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return r.version === 2 && Array.isArray(r.dimensions) && Array.isArray(r.questions) && typeof r.code === 'object' && typeof r.timeline === 'object';
}

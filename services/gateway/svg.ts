// Inline SVG for the report page: code size over time with the moments questions were asked and the
// trigger decided. No script, no external resource; every text passes through escapeHtml.

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface ChartPoint { at: string; lines: number; seq: number }
export interface ChartQuestion { at: string; label: string; href: string; title: string; score: number | null; answered: boolean }
export interface ChartDecision { at: string; decision: string; title: string }

export function scoreColor(score: number | null, answered = true): string {
  if (!answered || score === null) return '#8a8f98';
  return score >= 70 ? '#1f8a4c' : score >= 40 ? '#c98a0b' : '#c2410c';
}

const W = 1000;
const H = 260;
const M = { l: 52, r: 18, t: 30, b: 40 };
const fmt = (n: number) => (Math.abs(n) >= 10 ? Math.round(n).toString() : (Math.round(n * 10) / 10).toString());

/** 1, 2 or 5 times a power of ten, at least v. */
function niceStep(v: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(v, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Lines of code over elapsed minutes; question markers link to their cards. */
export function sizeChart(points: ChartPoint[], questions: ChartQuestion[], decisions: ChartDecision[]): string {
  const times = [...points.map((p) => Date.parse(p.at)), ...questions.map((q) => Date.parse(q.at))].filter(Number.isFinite);
  if (!points.length || !times.length) return '<p class="muted">No code was stored, so there is no chart.</p>';
  const t0 = Math.min(...times);
  const t1 = Math.max(t0 + 60_000, ...times);
  const yStep = niceStep(Math.max(...points.map((p) => p.lines), 4) / 4);
  const yMax = yStep * Math.ceil(Math.max(...points.map((p) => p.lines), 1) / yStep);
  const pw = W - M.l - M.r;
  const ph = H - M.t - M.b;
  const x = (at: string) => M.l + ((Date.parse(at) - t0) / (t1 - t0)) * pw;
  const y = (lines: number) => M.t + ph - (lines / yMax) * ph;
  const out: string[] = [`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Lines of code over time, with question markers">`];
  for (let v = 0; v <= yMax + 1e-9; v += yStep) {
    out.push(`<line x1="${M.l}" x2="${W - M.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/><text x="${M.l - 8}" y="${(y(v) + 4).toFixed(1)}" class="axis" text-anchor="end">${fmt(v)}</text>`);
  }
  const span = (t1 - t0) / 60_000;
  const xStep = niceStep(span / 6);
  for (let m = 0; m <= span + 1e-9; m += xStep) {
    const px = M.l + (m / span) * pw;
    out.push(`<line x1="${px.toFixed(1)}" x2="${px.toFixed(1)}" y1="${y(0)}" y2="${y(0) + 4}" class="grid"/><text x="${px.toFixed(1)}" y="${H - M.b + 20}" class="axis" text-anchor="middle">${fmt(m)} min</text>`);
  }
  out.push(`<text x="${M.l - 40}" y="${M.t - 12}" class="axis">lines</text>`);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.lines).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  out.push(`<path d="${path} L${x(last.at).toFixed(1)},${y(0)} L${x(points[0].at).toFixed(1)},${y(0)} Z" class="area"/>`);
  out.push(`<path d="${path}" class="line"/>`);
  for (const d of decisions) {
    const px = x(d.at).toFixed(1);
    const ask = d.decision === 'ask';
    out.push(`<path d="M${px},${y(0) + 2} l-4,7 h8 Z" class="${ask ? 'dask' : 'dskip'}"><title>${escapeHtml(d.title)}</title></path>`);
  }
  questions.forEach((q, i) => {
    const px = x(q.at).toFixed(1);
    const ty = M.t - 12 + (i % 2) * 12;
    const c = scoreColor(q.score, q.answered);
    out.push(`<a href="${escapeHtml(q.href)}"><title>${escapeHtml(q.title)}</title>`
      + `<line x1="${px}" x2="${px}" y1="${ty + 4}" y2="${y(0)}" stroke="${c}" class="qline"/>`
      + `<circle cx="${px}" cy="${ty}" r="9" fill="${c}" class="qdot"/>`
      + `<text x="${px}" y="${ty + 3.5}" text-anchor="middle" class="qlabel">${escapeHtml(q.label.replace(/^Q/, ''))}</text></a>`);
  });
  out.push('</svg>');
  return out.join('');
}

import type { Results } from './main.ts';
import { renderCopy, renderMemory, renderRss, renderS2 } from './render-parts.ts';
import { renderS1 } from './report.ts';
import type { TargetResult } from './targets.ts';

// bench/results/latest.md: one section per part that ran, then the targets.

function renderTargets(targets: TargetResult[]): string {
  const mark = (p: boolean | null) => (p === null ? 'not measured' : p ? '**pass**' : '**FAIL**');
  return [
    '| target | measured | limit | result |',
    '|---|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.measured ?? '—'} ${t.measured === null ? '' : t.unit} | ${t.op} ${t.limit} ${t.unit} | ${mark(t.pass)} |`),
  ].join('\n') + '\n';
}

export function renderMarkdown(r: Results): string {
  const out = [`Measured ${r.date} on ${r.machine.cpus} cores (load average at start ${r.machine.loadavgAtStart.join(' / ')}); parts: ${r.parts.join(', ')}.`, ''];
  if (r.s1) out.push(renderS1(r.s1.plan, r.s1.summary));
  if (r.copy) out.push(renderCopy(r.copy));
  if (r.s2) out.push(renderS2(r.s2));
  if (r.memory) out.push(renderMemory(r.memory));
  if (r.rss) out.push(renderRss(r.rss));
  const ratios = Object.entries(r.ratios ?? {}).filter(([, v]) => v !== undefined);
  if (ratios.length) out.push(`Ratios across parts (same run): ${ratios.map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  if (r.targets) out.push('Targets (issue 8, ratios within this run):', '', renderTargets(r.targets));
  return out.join('\n');
}

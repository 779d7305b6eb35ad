// The rewrite question (INTERVIEWING.md: "a rewrite that changed the complexity — why the new
// structure?"): names the slower version and what made it slow, the structure that replaced it and
// its line, and carries both costs in the key. Only asked when the trigger saw the rewrite happen.
import { kindWord } from './code.ts';
import { linesPhrase, span, type Ctx, type Draft } from './draft.ts';
import { art } from './text.ts';

const WORDS: Record<string, string[]> = {
  'O(n^2)': ['O(n^2)', 'quadratic', 'n squared', 'n^2', 'every pair'],
  'O(n^3)': ['O(n^3)', 'cubic', 'n cubed'],
  'O(2^n)': ['O(2^n)', 'exponential'],
  'O(n log n)': ['O(n log n)', 'n log n', 'linearithmic'],
  'O(n)': ['O(n)', 'linear', 'one pass', 'single pass', 'once'],
  'O(log n)': ['O(log n)', 'logarithmic'],
  'O(1)': ['O(1)', 'constant'],
};

export function rewrite(ctx: Ctx): Draft | null {
  const { fn, language } = ctx;
  const before = ctx.extras.before;
  const was = ctx.extras.complexityBefore ?? before?.complexity;
  if (!before || !was || was === fn.complexityEstimate) return null;
  const now = fn.complexityEstimate;
  // The old version's lines are gone from the editor: name what it did, not where.
  const how = before.nested ? `nested loops over ${before.nested.collection}`
    : before.linearCall ? `\`${before.linearCall.expr}\` inside a loop` : '';
  const renamed = ctx.extras.renamedFrom && ctx.extras.renamedFrom !== fn.name ? ctx.extras.renamedFrom : undefined;
  const old = `${renamed} (${was}${how ? `, ${how}` : ''})`;
  const then = renamed && before.sibling ? `Next to ${old} you wrote ${fn.name}`
    : renamed ? `You rewrote ${old} as ${fn.name}`
    : `${fn.name} used to be ${was}${how ? ` (${how})` : ''}`;
  const s = ctx.extras.structure && ctx.extras.structure.name
    ? ctx.extras.structure
    : ctx.view.structures.find((d) => (d.kind === 'map' || d.kind === 'set') && d.name);
  const oldCost = { name: 'the old cost', synonyms: WORDS[was] ?? [was] };
  const newCost = { name: 'the new cost', synonyms: WORDS[now] ?? [now] };
  const focus = s?.line ?? fn.dominantLine ?? fn.startLine;
  if (s?.name && (s.kind === 'map' || s.kind === 'set')) {
    const kw = kindWord(s.kind, language);
    const oldW = kindWord('list', language);
    return {
      topic: 'data_structure_choice', variant: s.kind === 'set' ? 'ds.set' : 'ds.map', lines: span(focus),
      text: `${then}; ${before.sibling ? 'it' : 'now it'} keeps ${s.name} in ${art(kw)} (line ${s.line}) and is ${now}. Why ${art(kw)} \u2014 what does it let ${fn.name} skip, and what does it cost in return?`,
      key: { function: fn.name, variable: s.name, complexity: now, focusLines: [s.line],
        keyReason: `${how || `the old ${fn.name}`} made it ${was}; ${s.name} (${art(kw)}, line ${s.line}) answers each lookup in O(1) on average instead of scanning, so ${fn.name} is ${now}, paying O(n) extra memory` },
      concepts: [oldCost, newCost],
      misconceptions: [{ claim: 'a hash lookup scans like a list', cls: 'O(n^2)', feedback: `Looking a key up in ${art(kw)} hashes straight to its bucket: O(1) on average, unlike searching ${art(oldW)}; that is why one pass is enough now.` }],
    };
  }
  const sorted = fn.sortCalls.length > 0 && now === 'O(n log n)';
  // Exponential recursion made linear: the memo (a parameter or a decorator) is what to look at.
  const memo = fn.recursive && was === 'O(2^n)' ? fn.params.find((p) => /memo|cache|dp|seen/i.test(p)) ?? (/@(functools\.)?(lru_)?cache\b/.test(ctx.lines.range(Math.max(1, fn.startLine - 2), fn.startLine).join('\n')) ? 'the cache decorator' : undefined) : undefined;
  const via = sorted ? `the sort on line ${fn.sortCalls[0]}` : memo ? memo : s?.name ? `${s.name} (line ${s.line})` : `${linesPhrase(fn.startLine, fn.endLine)}`;
  return {
    topic: 'time_complexity', variant: sorted ? 'time.sort' : 'time.linear', lines: span(focus),
    text: `${then}; now it is ${now}. What in the new version removed that cost \u2014 look at ${via} \u2014 and where does ${now} come from now?`,
    key: { function: fn.name, complexity: now, dominantLine: fn.dominantLine ?? focus, focusLines: [focus],
      keyReason: `${how || `the old ${fn.name}`} made it ${was}; now the cost comes from ${via}: ${now}` },
    concepts: [oldCost, newCost],
  };
}

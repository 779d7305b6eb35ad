// What a function hands back when its loop never runs, for a variable started at a sentinel: the
// answer key of "why start at Integer.MAX_VALUE — what comes back for an empty input?" must come
// from the code (`return best == Integer.MAX_VALUE ? 0 : best` returns 0, not the sentinel).
import type { FunctionFacts } from '../../../shared/analysis/index.ts';
import type { Outcome } from './expected.ts';
import type { Lines } from './text.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface EmptyResult {
  /** the value returned, as written */
  value: string;
  /** why, in a clause a key reason can quote */
  how: string;
  outcome: Outcome;
}

function returnedExpr(text: string): string | null {
  const m = /\breturn\s+(.+?)\s*;?\s*$/.exec(text.trim());
  return m?.[1] ?? null;
}

/** The value the sentinel check swaps in: `v == S ? X : v`, `X if v == S else v`, `if v == S { return X }`. */
function swapped(text: string, v: string, init: string): string | null {
  const s = esc(init.trim());
  const n = esc(v);
  const test = `(?:${n}\\s*===?\\s*${s}|${s}\\s*===?\\s*${n})`;
  const ternary = new RegExp(`${test}\\s*\\)?\\s*\\?\\s*(.+?)\\s*:`).exec(text);
  if (ternary?.[1]) return ternary[1].trim();
  const pyIf = new RegExp(`return\\s+(.+?)\\s+if\\s+${test}`).exec(text);
  if (pyIf?.[1]) return pyIf[1].trim();
  return null;
}

export function emptyResult(fn: FunctionFacts, lines: Lines, v: string, init: string): EmptyResult | null {
  const value = (val: string, how: string): EmptyResult => ({ value: val, how, outcome: { kind: 'value', label: `returns ${val}`, terms: [val, `returns ${val}`] } });
  let last = 0;
  for (let l = fn.startLine; l <= fn.endLine; l++) if (/\breturn\b/.test(lines.at(l))) last = l;
  if (!last) return null;
  const text = lines.at(last);
  const expr = returnedExpr(text);
  const swap = swapped(text, v, init);
  if (swap) return value(swap, `the check on line ${last} turns ${init} into ${swap}`);
  // `if (best == INT_MAX) return 0;` just before the final return.
  for (let l = last - 1; l >= Math.max(fn.startLine, last - 3); l--) {
    const ifSwap = new RegExp(`if\\s*\\(?\\s*(?:${esc(v)}\\s*===?\\s*${esc(init)}|${esc(init)}\\s*===?\\s*${esc(v)})\\s*\\)?\\s*[:{]?\\s*return\\s+([^;{}]+)`).exec(lines.at(l));
    if (ifSwap?.[1]) return value(ifSwap[1].trim(), `the check on line ${l} returns ${ifSwap[1].trim()} instead`);
  }
  if (!expr) return null;
  if (expr === v) return value(init, `${fn.name} returns ${v} itself, still ${init}`);
  const other = fn.variableRoles.find((r) => r.name === expr && r.init !== undefined);
  if (other?.init) return value(other.init, `${fn.name} returns ${expr}, which stays at ${other.init}; ${v} only helps inside the loop`);
  return null;
}

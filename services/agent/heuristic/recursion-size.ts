// Which input a recursion's depth is measured in: the parameter its self-calls change (`n - 1`,
// `n / 2`, `node.left`, `i + 1` into a vector, `r + 1` into a grid), so the question names the size
// that actually shrinks ("climbStairs(n)" is asked for n = 10,000, not "an array of 10,000 items").
import type { FunctionFacts } from '../../../shared/analysis/index.ts';
import type { Lines } from './text.ts';

export type SizeShape = 'numeric' | 'collection' | 'tree' | 'chain' | 'grid';

export interface RecursionSize {
  /** the parameter named in the question */
  name: string;
  shape: SizeShape;
}

/** Arguments of a call, split on top-level commas. */
function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of args) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const esc = (s: string) => s.replace(/[$]/g, '\\$');

/** The self-calls' argument lists, read from the lines the analysis marked as recursive calls. */
export function selfCallArgs(fn: FunctionFacts, lines: Lines): string[][] {
  const callRe = new RegExp(`\\b${esc(fn.name)}\\s*\\(([^()]*(?:\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)[^()]*)*)\\)`, 'g');
  const out: string[][] = [];
  for (const l of fn.recursionCalls) for (const m of lines.at(l).matchAll(callRe)) out.push(splitArgs(m[1]));
  return out;
}

export function recursionSize(fn: FunctionFacts, lines: Lines): RecursionSize | null {
  const params = fn.params;
  const calls = selfCallArgs(fn, lines);
  if (!params.length || !calls.length) return null;
  // Positions whose argument is not the parameter passed through unchanged.
  const changed: { p: string; args: string[] }[] = [];
  params.forEach((p, i) => {
    const args = calls.map((c) => c[i]).filter((a): a is string => !!a && a !== p);
    if (args.length && args.some((a) => new RegExp(`\\b${esc(p)}\\b`).test(a))) changed.push({ p, args });
  });
  if (!changed.length) return null;
  const body = lines.range(fn.startLine, fn.endLine).join('\n');
  const first = changed[0];
  const linked = changed.find((c) => c.args.some((a) => new RegExp(`\\b${esc(c.p)}\\s*(?:\\.|->)\\s*(?:left|right|children|kids)\\b`).test(a)));
  if (linked) return { name: linked.p, shape: 'tree' };
  const chain = changed.find((c) => c.args.some((a) => new RegExp(`\\b${esc(c.p)}\\s*(?:\\.|->)\\s*next\\b`).test(a)));
  if (chain) return { name: chain.p, shape: 'chain' };
  const sliced = changed.find((c) => c.args.some((a) => new RegExp(`\\b${esc(c.p)}\\s*(?:\\[\\s*\\d*\\s*:|\\.(?:slice|substring|substr|subList|subarray)\\b)`).test(a)));
  if (sliced) return { name: sliced.p, shape: 'collection' };
  // An index stepped through another parameter and compared with its size (`i == v.size()`,
  // `r >= len(grid)`): the depth is that collection's size. A memo indexed by n is not it.
  const indexed = (i: string) => params.find((q) => q !== i && !changed.some((c) => c.p === q)
    && new RegExp(`\\b${esc(i)}\\b[^\\n]*(?:len\\(\\s*${esc(q)}\\b|\\b${esc(q)}\\s*(?:\\[[^\\]]*\\]\\s*)?\\.\\s*(?:size|length|len|count)\\b)`).test(body));
  const coll = indexed(first.p);
  if (coll) {
    const grid = changed.length >= 2 && new RegExp(`\\b${esc(coll)}\\s*\\[[^\\]]+\\]\\s*\\[`).test(body);
    return { name: coll, shape: grid ? 'grid' : 'collection' };
  }
  return { name: first.p, shape: 'numeric' };
}

// Loop shapes whose pass count is not simply n: a loop stepping by the outer variable (harmonic,
// n log n over the outer loop), a union-find walk that compresses the path (amortised constant),
// the digits of a counter's text (log n), and one pass per tuple or ordering of the input
// (`combinations(nums, 2)`: n^2; `permutations(nums)`: n!).
import type { Collected, LoopCtx } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import { digitTexts, isNumberText } from './digits.ts';
import { baseOf, escapeRegExp, field, namedKids, numberValue, subscriptParts } from './tree.ts';

/**
 * `s := strconv.Itoa(i)` then a loop over s, `for ch in str(i)`: the text of a counter has as many
 * characters as the counter has digits, log n, not n.
 */
export function walksDigits(ctx: LoopCtx, iterates: string | undefined, c: Collected, numeric: ReadonlySet<string>): boolean {
  if (ctx.partial) return false;
  // `n.toString(2).split('').filter(...)`, `bits.chars()`: the walked text is a number's.
  if (isNumberText(ctx.iter?.text, numeric)) return true;
  const texts = digitTexts(c, numeric);
  // The bound may be the text's length in the header: `for l, r := 0, len(s)-1; l < r`.
  const header = `${ctx.init?.text ?? ''} ${ctx.cond?.text ?? ''}`;
  const measured = [...header.matchAll(/\blen\(\s*(\w+)\s*\)|\b(\w+)\.(?:length|size)\b/g)].map((m) => m[1] ?? m[2] ?? '');
  const base = ctx.iter?.text.match(/^\w+/)?.[0];
  return [iterates, base, ...measured].some((name) => !!name && texts.has(name));
}

/**
 * Sieve and divisor sums: `for j in range(i * i, n, i)` inside `for i ...` steps by the outer
 * variable, so it runs n/i times; over every i that is n (1 + 1/2 + 1/3 + ...) = n log n in all,
 * a log n factor on top of the outer loop rather than n.
 */
export function isHarmonic(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.partial) return false;
  const outerVars = new Set<string>();
  for (let p = ctx.parent; p; p = p.parent) for (const v of p.vars) outerVars.add(v);
  if (!outerVars.size) return false;
  const it = ctx.iter;
  if (it && spec.calls.includes(it.type) && field(it, 'function')?.text === 'range') {
    const step = namedKids(field(it, 'arguments'))[2];
    return step?.type === 'identifier' && outerVars.has(step.text);
  }
  if (ctx.kind !== 'for' || it) return false;
  return c.assigns.some((a) => a.scope.loops[a.scope.loops.length - 1] === ctx && ctx.vars.includes(a.name) && a.op === '+=' &&
    a.value?.type === 'identifier' && outerVars.has(a.value.text));
}

/**
 * Union-find's `while parent[x] != x: x = parent[x]` in a find that also writes into `parent` (path
 * compression or halving): the walks flatten the tree as they go, near-constant time amortised (the
 * inverse Ackermann function). Without the write the walk is O(n) and stays so.
 */
export function compressesPath(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.partial || ctx.iter || !ctx.cond) return false;
  const parents = new Set<string>();
  for (const b of c.binaries) {
    if (!ctx.cond || b.node.startIndex < ctx.cond.startIndex || b.node.endIndex > ctx.cond.endIndex || !/^(!=|!==|<>)$/.test(b.op)) continue;
    for (const [x, y] of [[b.left, b.right], [b.right, b.left]] as const) {
      const sub = x ? subscriptParts(x, spec) : null;
      const base = sub ? baseOf(sub.object, spec) : undefined;
      // `parent[x] != x` (the walk up) or `parent[x] != root` (the second, compressing walk).
      if (base && sub?.index?.type === 'identifier' && y?.type === 'identifier') parents.add(base);
    }
  }
  // `parent[x] = parent[parent[x]]` (halving) or `parent[x] = root` in a second walk; filling it
  // (`for i in range(n): parent[i] = i`) is not compression.
  return [...parents].some((p) => c.assigns.some((a) => a.viaIndex && a.name === p && a.value !== null &&
    (a.scope.loops.some((l) => l.kind === 'while') || new RegExp(`\\b${escapeRegExp(p)}\\s*\\[`).test(a.value.text))));
}

export const ORDERINGS = /(^|\.)permutations\(|\b(next|prev)_permutation\(/;

/**
 * `for a, b in combinations(nums, 2)`: one pass per pair, n^2; `combinations(nums, k)` with k an
 * input is C(n, k), up to 2^n; `permutations(nums)` and C++'s `do ... while (next_permutation(...))`
 * one pass per ordering, n!. Both exponential ones count as the one exponential class.
 */
export function tupleCount(ctx: LoopCtx, spec: SyntaxSpec): number | 'exponential' | null {
  if (ctx.partial) return null;
  if (ctx.cond && /\b(next|prev)_permutation\(/.test(ctx.cond.text)) return 'exponential';
  const it = ctx.iter;
  if (!it || !spec.calls.includes(it.type)) return null;
  const fn = field(it, 'function')?.text ?? '';
  const m = /(?:^|\.)(combinations|combinations_with_replacement|permutations|product)$/.exec(fn);
  if (!m) return null;
  const args = namedKids(field(it, 'arguments'));
  const r = args.find((a, i) => i === 1 && a.type !== 'keyword_argument') ?? args.find((a) => a.type === 'keyword_argument' && /^(r|repeat)\s*=/.test(a.text));
  const rValue = r ? numberValue(r.type === 'keyword_argument' ? field(r, 'value') : r, spec) : null;
  if (m[1] === 'product') return rValue ?? (args.length > 1 ? args.length : null);
  if (rValue !== null) return rValue;
  return m[1] === 'permutations' || r ? 'exponential' : null;
}


const PUSHES = /^(append|appendleft|push|push_back|emplace_back|emplace|add|offer|offerLast|addLast|enqueue|extend|Push)$/;

/**
 * A BFS or stack walk over a grid from one start (`while q: ... seen[r][c] = True; q.append((r, c))`):
 * each cell enters the worklist once, m·n passes, n^2 by the corpus convention. Nested in a grid
 * scan the same walk is amortised instead (amortized.ts), so only a top-level walk counts here.
 */
export function walksGridCells(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.partial || ctx.parent || ctx.iter || !ctx.cond || ctx.init) return false;
  const ids = [...new Set([...ctx.cond.text.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]))]
    .filter((x) => !/^(len|isEmpty|empty|length|size|not|and|or|true|false|nil|None|null)$/.test(x));
  const worklist = ids.length === 1 ? ids[0] : undefined;
  if (!worklist) return false;
  const inLoop = (scopeLoops: LoopCtx[]): boolean => scopeLoops.includes(ctx);
  const grows = c.calls.some((e) => inLoop(e.scope.loops) && ((e.receiver !== null && baseOf(e.receiver, spec) === worklist && PUSHES.test(e.last)) ||
    (e.callee === 'append' && baseOf(e.args[0] ?? null, spec) === worklist)));
  if (!grows) return false;
  const cellMark = c.assigns.some((a) => a.viaIndex && inLoop(a.scope.loops) && /^\s*\w+\s*\[[^\]]+\]\s*\[[^\]]+\]\s*=[^=]/.test(a.node.text));
  const pairMark = c.calls.some((e) => inLoop(e.scope.loops) && e.last === 'add' && e.args.length === 1 && /^\(\s*\w+\s*,\s*\w+\s*\)$/.test(e.args[0]?.text ?? ''));
  return cellMark || pairMark;
}

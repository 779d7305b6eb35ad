// Loops whose cost does not simply multiply with the loops around them: pointers that only move
// forward (sliding window, two pointers), worklists that take every item once (BFS, level order,
// flood fill from a grid scan), and the opposite, a loop that appends to the collection it walks
// once per pass of an outer loop, which doubles it (iterative subsets).
import type { Node } from 'web-tree-sitter';
import type { AssignEv, Collected, LoopCtx } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import { baseOf, escapeRegExp, identifiersIn, isIdent, isNumber, lengthBase, namedKids, subscriptParts } from './tree.ts';
import { GRAPH_NAME, TALLY_NAME } from './vocab.ts';

const innermost = (loops: LoopCtx[]): LoopCtx | undefined => loops[loops.length - 1];
const contains = (outer: Node, inner: Node): boolean => outer.startIndex <= inner.startIndex && outer.endIndex >= inner.endIndex;

/** `i++`, `i -= 1`: +1 or -1 for a constant step, 0 for anything else (a jump or a reset). */
function stepOf(a: AssignEv, spec: SyntaxSpec): number {
  if (a.op === '++') return 1;
  if (a.op === '--') return -1;
  if ((a.op === '+=' || a.op === '-=') && isNumber(a.value, spec)) return a.op === '+=' ? 1 : -1;
  return 0;
}

/**
 * Sliding window and two pointers: `while s[right] in seen: ...; left += 1` inside `for right ...`.
 * The inner loop steps a pointer it tests or indexes with, and the outer loop never moves that
 * pointer back (it may step it further the same way, as `i++; j--` at the end of a palindrome check).
 */
export function isAmortized(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  const outer = ctx.parent;
  if (!outer || ctx.partial) return false;
  if (feedsWorklist(ctx, outer, c, spec) || visitsOnce(ctx, c, spec) || popsWhatOuterPushed(ctx, outer, c, spec)) return true;
  if (walksAdjacency(ctx, outer, spec) || onlyShrinks(ctx, outer, c, spec)) return true;
  if (splitsAPart(ctx, outer) || walksRunFromStart(ctx, c) || placesHome(ctx) || fromTally(ctx, outer, c)) return true;
  if (ctx.kind === 'foreach' || (ctx.kind === 'for' && ctx.init)) return false;
  const watched = identifiersIn(ctx.cond);
  for (const s of c.subscripts) if (innermost(s.scope.loops) === ctx) identifiersIn(s.index, watched);
  const steppers = c.assigns.filter((a) => innermost(a.scope.loops) === ctx && stepOf(a, spec) !== 0 && watched.has(a.name));
  return steppers.some((st) => !c.assigns.some((a) => a.name === st.name && a !== st &&
    a.scope.loops.includes(outer) && !a.scope.loops.includes(ctx) && stepOf(a, spec) !== stepOf(st, spec) && !catchesUp(a, ctx, outer, c)));
}

/**
 * Run-length scans: `j = i; while j < n and s[j] == s[i]: j += 1; ...; i = j`. The inner pointer
 * starts where the outer one is, and the outer one jumps to where it stopped: together they cross
 * the input once.
 */
function catchesUp(reset: AssignEv, ctx: LoopCtx, outer: LoopCtx, c: Collected): boolean {
  const from = reset.value && isIdent(reset.value) ? reset.value.text : undefined;
  if (!from) return false;
  return c.assigns.some((a) => a.name === from && a.scope.loops.includes(outer) && !a.scope.loops.includes(ctx) &&
    a.node.startIndex > ctx.node.startIndex && a.value !== null && identifiersIn(a.value).has(reset.name));
}

/**
 * `for u in range(n): for v in adj[u]`: the inner loops together walk every adjacency list once,
 * O(V + E) in all. (A grid row `grid[r]` is different: its rows together hold m x n cells.)
 */
function walksAdjacency(ctx: LoopCtx, outer: LoopCtx, spec: SyntaxSpec): boolean {
  const perVertex = (n: Node | null, names: RegExp): boolean => {
    const sub = n ? subscriptParts(n, spec) : null;
    if (sub?.object && sub.index) return names.test(sub.object.text) && outer.vars.includes(sub.index.text);
    // `graph.get(u) ?? []`, `adj.getOrDefault(u, List.of())`, `adj[u] || []`.
    const m = n ? /^(\w+)\s*\.\s*(?:get|getOrDefault)\(\s*(\w+)\s*[,)]/.exec(n.text) ?? /^(\w+)\[(\w+)\]\s*(?:\?\?|\|\||or\b)/.exec(n.text) : null;
    return !!m && names.test(m[1] ?? '') && outer.vars.includes(m[2] ?? '');
  };
  if (ctx.kind === 'foreach') return perVertex(ctx.iter, GRAPH_NAME) || perVertex(ctx.iter, TALLY_NAME);
  // Counting sort's `for (c = 0; c < count[v]; c++)`: the tallies add up to n.
  const bound = ctx.cond ? namedKids(ctx.cond).find((k) => perVertex(k, TALLY_NAME) || perVertex(k, GRAPH_NAME)) : undefined;
  return bound !== undefined;
}

/**
 * `for num, c in count.items(): for _ in range(c)`, `e = counts.pollFirstEntry(); for (i < e.getValue())`:
 * a loop bounded by a count read from a tally; the counts add up to the items counted.
 */
function fromTally(ctx: LoopCtx, outer: LoopCtx, c: Collected): boolean {
  const bound = ctx.iter?.text.match(/^range\(\s*(\w+)\s*\)$/)?.[1] ?? ctx.cond?.text.match(/<=?\s*(\w+)(?:\.getValue\(\)|\.second)?\s*$/)?.[1];
  if (!bound) return false;
  if (outer.vars.includes(bound) && outer.iter && TALLY_NAME.test(outer.iter.text.replace(/\.(items|entrySet|entries)\(\)$/, ''))) return true;
  return c.assigns.some((a) => a.name === bound && !a.viaIndex && a.value !== null && TALLY_NAME.test(a.value.text.split('.')[0] ?? ''));
}

const SPLIT = /\.split\(|\bsplit\(|strings\.(Split|Fields|SplitN)\(|\.(Split|Fields)\(/;

/**
 * `for line in text.split('\n'): for f in line.split(',')`: the fields are parts of a line, the
 * lines parts of one text, so the inner loops together walk the text once.
 */
function splitsAPart(ctx: LoopCtx, outer: LoopCtx): boolean {
  if (ctx.kind !== 'foreach' || !ctx.iter || !outer.iter || !SPLIT.test(outer.iter.text) || !SPLIT.test(ctx.iter.text)) return false;
  return outer.vars.some((v) => new RegExp(`\\b${escapeRegExp(v)}\\s*\\.\\s*split\\(|\\((${escapeRegExp(v)})\\s*[,)]`).test(ctx.iter?.text ?? ''));
}

/**
 * Cyclic sort: `while nums[nums[i] - 1] != nums[i]: swap` moves a value to its home index, where
 * it stays; at most n swaps over the whole outer loop.
 */
function placesHome(ctx: LoopCtx): boolean {
  if (ctx.kind !== 'while' || !ctx.cond) return false;
  const t = ctx.cond.text.replace(/\s+/g, '');
  const m = /(\w+)\[\1\[(\w+)\]-\d+\]!==?\1\[\2\]|(\w+)\[(\w+)\]!==?(\3)\[\3\[\4\]-\d+\]/.exec(t);
  if (!m) return false;
  const arr = m[1] ?? m[3] ?? '';
  const writesHome = new RegExp(`${escapeRegExp(arr)}\\[${escapeRegExp(arr)}\\[\\w+\\]-\\d+\\](,[^=]*)?=[^=]|swap\\(`);
  return writesHome.test(ctx.node.text.replace(/\s+/g, ''));
}

/**
 * Longest consecutive sequence: `if x - 1 not in s: while y + 1 in s: y += 1`. The walk only starts
 * at the first number of a run and steps through that run, so every number is stepped over once.
 */
function walksRunFromStart(ctx: LoopCtx, c: Collected): boolean {
  if (ctx.kind !== 'while' || !ctx.cond) return false;
  const cond = ctx.cond.text;
  const set = /\b(\w+)\s*\.\s*(?:count|has|contains|find)\(\s*\w+\s*\+\s*1\s*\)|\w+\s*\+\s*1\s+in\s+(\w+)/.exec(cond);
  const name = set?.[1] ?? set?.[2];
  if (!name) return false;
  const n = escapeRegExp(name);
  const startOfRun = new RegExp(`(!|\\bnot\\s)\\s*${n}\\s*\\.\\s*(count|has|contains)\\(\\s*\\w+\\s*-\\s*1\\s*\\)|\\w+\\s*-\\s*1\\s+not\\s+in\\s+${n}\\b`);
  // Or the guard skips the rest of the pass: `if (set.has(x - 1)) continue;`.
  const notStart = new RegExp(`\\b${n}\\s*\\.\\s*(count|has|contains)\\(\\s*\\w+\\s*-\\s*1\\s*\\)|\\w+\\s*-\\s*1\\s+in\\s+${n}\\b`);
  const outer = ctx.parent;
  return c.ifs.some((i) => (contains(i.node, ctx.node) && startOfRun.test(i.cond.text)) ||
    (outer !== null && contains(outer.node, i.node) && i.node.endIndex < ctx.node.startIndex && !/^\s*(!|not\b)/.test(i.cond.text.replace(/^\(/, '')) &&
      notStart.test(i.cond.text) && /^\s*\{?\s*continue\b/.test(i.consequence?.text ?? '')));
}

/**
 * `while (!w.startsWith(prefix)) prefix = prefix.substring(0, prefix.length() - 1)` inside a loop
 * over words: the prefix only ever gets shorter, so all the passes together are at most its length.
 */
function onlyShrinks(ctx: LoopCtx, outer: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.kind !== 'while' || !ctx.cond) return false;
  const tested = identifiersIn(ctx.cond);
  const shrinks = (a: AssignEv): boolean => a.value !== null && isPrefixOf(a.value, a.name, spec);
  const mine = c.assigns.filter((a) => innermost(a.scope.loops) === ctx && !a.viaIndex && tested.has(a.name) && shrinks(a));
  return mine.some((m) => c.assigns.every((a) => a.name !== m.name || !a.scope.loops.includes(outer) || shrinks(a)));
}

/** `p.substring(0, k)`, `p.slice(0, -1)`, `p[:-1]`, `p[:len(p)-1]`: a prefix of p itself. */
function isPrefixOf(value: Node, name: string, spec: SyntaxSpec): boolean {
  if (spec.calls.includes(value.type)) {
    const fn = value.childForFieldName('function') ?? value.childForFieldName('name');
    const recv = value.childForFieldName('object') ?? (fn ? fn.childForFieldName('object') ?? fn.childForFieldName('argument') ?? fn.childForFieldName('operand') : null);
    const first = namedKids(value.childForFieldName('arguments'))[0];
    return recv?.text === name && /(substring|slice|substr)$/.test(fn?.text ?? '') && first?.text === '0';
  }
  const kids = namedKids(value);
  if (value.type === 'subscript' && kids[0]?.text === name && kids[1]?.type === 'slice') return /^\s*:/.test(kids[1].text);
  // Go: `p[:len(p)-1]`.
  return value.type === 'slice_expression' && kids[0]?.text === name && value.childForFieldName('start') === null;
}

/** The collection a `while queue:` / `while (head < queue.length)` / `for len(q) > 0` loop drains. */
function worklistOf(loop: LoopCtx, spec: SyntaxSpec): string | undefined {
  if (loop.kind !== 'while' || !loop.cond) return undefined;
  const viaLength = lengthBase(loop.cond, spec);
  if (viaLength) return viaLength;
  const ids = [...identifiersIn(loop.cond)];
  return ids.length === 1 ? ids[0] : undefined;
}

const PUSHES = /^(append|appendleft|push|push_back|emplace_back|emplace|add|offer|offerLast|addLast|enqueue|unshift|extend)$/;

/** Calls that add to one of `names`, inside `loop` (or, for a comprehension, wrapped around it). */
function growth(loop: LoopCtx, names: Set<string>, c: Collected, spec: SyntaxSpec): Collected['calls'] {
  return c.calls.filter((e) => {
    if (!e.scope.loops.includes(loop) && !e.args.some((a) => contains(a, loop.node))) return false;
    if (e.receiver && PUSHES.test(e.last)) return names.has(baseOf(e.receiver, spec) ?? '');
    // `heapq.heappush(pq, x)`, Go's `heap.Push(pq, x)` and `q = append(q, x)`: the first argument grows.
    return (/^(heappush|Push)$/.test(e.last) || (e.callee === 'append' && !e.receiver)) && names.has(baseOf(e.args[0] ?? null, spec) ?? '');
  });
}

/**
 * BFS / Dijkstra / level order: `while queue:` around `for nb in graph[node]: queue.append(nb)`, or
 * `level = next` after filling `next`. Every item enters the worklist once (the visited check
 * keeps it so), so the neighbour loop adds up to O(edges) in total.
 */
function feedsWorklist(ctx: LoopCtx, outer: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  const worklist = worklistOf(outer, spec);
  if (!worklist) return false;
  const names = new Set([worklist]);
  for (const a of c.assigns) {
    if (a.name === worklist && !a.viaIndex && a.scope.loops.includes(outer) && a.value && isIdent(a.value)) names.add(a.value.text);
  }
  return growth(ctx, names, c, spec).length > 0;
}

/**
 * A BFS started from inside a grid scan (`for r: for c: if grid[r][c] == '1': bfs`): every push is
 * guarded by a mark (`grid[nr][nc] = '0'`, `visited[v] = true`) made on a structure that outlives
 * the outer loops, so each cell enters a queue once over the whole scan, not once per start.
 */
function visitsOnce(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  const worklist = worklistOf(ctx, spec);
  if (!worklist) return false;
  const pushes = growth(ctx, new Set([worklist]), c, spec);
  if (!pushes.length) return false;
  const marks = new Set<string>();
  for (const a of c.assigns) if (a.viaIndex && a.scope.loops.includes(ctx)) marks.add(a.name);
  for (const e of c.calls) {
    const recv = e.receiver ? baseOf(e.receiver, spec) : undefined;
    if (recv && e.scope.loops.includes(ctx) && /^(add|insert|put|set)$/.test(e.last)) marks.add(recv);
  }
  marks.delete(worklist);
  // A visited set made afresh for every start would let each BFS walk everything again.
  const outlives = (m: string): boolean => !c.assigns.some((a) => a.name === m && !a.viaIndex && ctx.parent !== null &&
    a.scope.loops.includes(ctx.parent));
  const live = [...marks].filter(outlives);
  const mentions = (n: Node, m: string): boolean => identifiersIn(n).has(m);
  return pushes.every((p) => p.scope.conds.some((cond) => live.some((m) => mentions(cond, m))));
}

const POPS = /^(pop|popleft|poll|pollFirst|pollLast|pop_back|pop_front|removeFirst|removeLast|shift|Pop)$/;

/**
 * Monotonic stack or deque: `while stack and a[stack[-1]] < x: stack.pop()` inside a loop that
 * pushes one item per pass. Nothing is popped that was not pushed, so the pops total n.
 */
function popsWhatOuterPushed(ctx: LoopCtx, outer: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.kind !== 'while' || !ctx.cond) return false;
  const tested = identifiersIn(ctx.cond);
  const recvOf = (e: Collected['calls'][number]): string | undefined => (e.receiver ? baseOf(e.receiver, spec) : undefined);
  const popped = new Set<string>();
  for (const e of c.calls) {
    const r = recvOf(e);
    if (r && tested.has(r) && POPS.test(e.last) && e.scope.loops.includes(ctx)) popped.add(r);
  }
  // Go: `stack = stack[:len(stack)-1]`.
  for (const a of c.assigns) {
    if (tested.has(a.name) && a.scope.loops.includes(ctx) && a.value?.type === 'slice_expression' && baseOf(a.value, spec) === a.name) popped.add(a.name);
  }
  return [...popped].some((w) => {
    const pushes = growth(outer, new Set([w]), c, spec);
    // Pushed once per outer pass: in the outer loop itself, not in a loop nested inside it.
    return pushes.length > 0 && pushes.every((p) => p.scope.loops[p.scope.loops.length - 1] === outer);
  });
}

/**
 * `for x in nums: result += [s + [x] for s in result]`, or Go's `size := len(res); for i < size {
 * res = append(res, ...) }` inside a loop over the input: the walked collection doubles on every
 * outer pass, so the total is exponential.
 */
export function isDoubling(ctx: LoopCtx, iterates: string | undefined, c: Collected, spec: SyntaxSpec): boolean {
  if (!ctx.parent || !iterates) return false;
  // `size := len(res)` read before the loop fixes the pass count; appending to res then doubles it.
  const alias = c.assigns.find((a) => a.name === iterates && !a.viaIndex && a.value);
  const captured = alias?.value ? lengthBase(alias.value, spec) : undefined;
  // A level-order BFS (`sz = q.size(); for i < sz: q.pop(); q.push(child)`) drains as it grows.
  const drains = (w: string): boolean => c.calls.some((e) => e.scope.loops.includes(ctx) && POPS.test(e.last) && e.receiver !== null &&
    baseOf(e.receiver, spec) === w);
  if (captured) return growth(ctx, new Set([captured]), c, spec).length > 0 && !drains(captured);
  // A comprehension over result is built first, then added to result: `result += [... for s in result]`.
  if (ctx.kind !== 'foreach' || ctx.node.type !== spec.comprehensionClause) return false;
  const wraps = (n: Node | null): boolean => n !== null && contains(n, ctx.node);
  return c.assigns.some((a) => a.name === iterates && !a.viaIndex && wraps(a.value) &&
      (a.op === '+=' || (a.op === '=' && identifiersIn(a.value).has(iterates)))) ||
    c.calls.some((e) => e.last === 'extend' && e.receiver !== null && baseOf(e.receiver, spec) === iterates && e.args.some(wraps));
}

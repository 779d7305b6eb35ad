// Calls that matter for complexity and questions: self-calls (recursion and its shape), hidden
// linear work inside loops, sorts, and calls into the candidate's other functions.
import type { Node } from 'web-tree-sitter';
import type { AssignEv, CallEv, Collected, Scope } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { KindOf } from './structures.ts';
import type { LinearCallFacts } from './types.ts';
import { findLinear } from './linear.ts';
import { findBuilds, type BuildEv } from './builds.ts';
import { findAllocs, type AllocEv } from './allocs.ts';
import { classifyWholeInput } from './wholeinput.ts';
import type { Vocab } from './vocab.ts';
import { baseOf, escapeRegExp, field, identifiersIn, isListish, isLiteral, isMember, namedKids, subscriptParts } from './tree.ts';

/** How a recursive function shrinks its input; decides between O(log n), O(n), O(n log n), O(2^n). */
export type RecursionShape = 'none' | 'linear' | 'halving' | 'divide' | 'structural' | 'exponential'
  /** Marks-and-skips traversal (flood fill, DFS with visited): O(n) in total, however often it is entered. */
  | 'visiting'
  /** Union-find's `parent[x] = find(parent[x])`: path compression, near-constant amortised. */
  | 'compressing';

export interface CallResult {
  selfCalls: CallEv[];
  shape: RecursionShape;
  /** Recursive calls slice their input (`f(nums[1:])`): each call copies O(n). */
  slicesInput: boolean;
  /**
   * Dimensions of what the recursion covers: a memo keyed by (i, j) holds n^2 states, a flood fill
   * marking `grid[r][c]` visits n^2 cells (every input size is n). 1 otherwise.
   */
  dims: number;
  /** The recursion walks a node's children in a loop: the loop adds up to the edges, not n per call. */
  childLoop: boolean;
  /** Operations on an ordered tree container (std::set, TreeMap, `std::map[k]`): O(log n) each. */
  treeOps: { line: number; scope: Scope }[];
  /** Library binary searches (bisect, lower_bound, sort.Search): O(log n) each. */
  searches: CallEv[];
  baseCaseLine?: number;
  linear: { facts: LinearCallFacts; scope: Scope }[];
  sorts: CallEv[];
  /** Sorts of items that are themselves up to n long (suffixes, growing slices): each comparison costs n. */
  wideSorts: Set<CallEv>;
  /** Heap pushes and pops: O(log n) each. */
  heapOps: CallEv[];
  /** Library calls and slices that read or copy a whole collection or string (split, join, `s[::-1]`): O(n) each. */
  wholeInput: { line: number; scope: Scope }[];
  /** Whole-input calls inside loops on an untouched parameter (`s.toCharArray()`): n per pass. */
  wholeInLoops: CallEv[];
  /** Whole-input calls on the text of a number (`to_string(x)` reversed): O(log n) each. */
  digitInput: { line: number; scope: Scope }[];
  /** Allocations sized by the input (`[0] * n`, `new int[n][m]`): n per dimension, multiplied by loops around. */
  allocs: AllocEv[];
  /** Collections built from a whole collection (`set(nums)`, `new Set(nums)`): O(n), O(n log n) into a tree. */
  builds: BuildEv[];
  userCalls: CallEv[];
}

export interface SelfInfo {
  name: string;
  receiver?: string;
  className?: string;
  params: string[];
  text: string;
  /** Names known to hold numbers (numeric parameters, loop counters): their text is log n long. */
  numeric?: ReadonlySet<string>;
  /** Declared parameter types, where the language has them. */
  paramTypes?: ReadonlyMap<string, string>;
}

const contains = (outer: Node, inner: Node): boolean =>
  outer.startIndex <= inner.startIndex && outer.endIndex >= inner.endIndex;

export function analyzeCalls(c: Collected, spec: SyntaxSpec, vocab: Vocab, self: SelfInfo, kindOf: KindOf,
  userFns: Set<string>): CallResult {
  const prefixOk = (callee: string, last: string): boolean => {
    const prefix = callee.slice(0, Math.max(0, callee.length - last.length)).replace(/(\.|::|->)$/, '');
    return !prefix || spec.selfNames.includes(prefix) || prefix === self.receiver || prefix === self.className;
  };
  const selfCalls = c.calls.filter((e) => e.last === self.name && prefixOk(e.callee, e.last));
  // A function of the candidate's own named `sort` (merge sort's) is not the library's.
  const sorts = c.calls.filter((e) => vocab.sortCall.test(e.callee) && !(userFns.has(e.last) && prefixOk(e.callee, e.last)));
  const userCalls = c.calls.filter((e) => e.last !== self.name && userFns.has(e.last) && prefixOk(e.callee, e.last));
  const heapOps = c.calls.filter((e) => vocab.heapOps.test(e.callee) ||
    (e.receiver !== null && kindOf(baseOf(e.receiver, spec) ?? '') === 'heap' && /^(push|pop|add|offer|poll|remove|insert)$/.test(e.last)));
  const { wholeInput, digitInput, wholeInLoops } = classifyWholeInput(c, spec, vocab, self, kindOf, userFns, sorts);
  const ordered = (n: Node | null): boolean => c.assigns.some((a) => a.name === baseOf(n, spec) && a.typeText !== undefined && vocab.orderedTypes.test(a.typeText));
  const treeOps: CallResult['treeOps'] = c.calls.filter((e) => e.receiver !== null && TREE_OPS.test(e.last) && ordered(e.receiver));
  treeOps.push(...c.subscripts.filter((s) => spec.id === 'cpp' && ordered(s.object)));
  const searches = c.calls.filter((e) => vocab.binarySearch.test(e.callee));
  const linear = findLinear(c, spec, vocab, kindOf, self.paramTypes);
  const result: CallResult = { selfCalls, shape: 'none', wideSorts: wideSorts(sorts, c, spec, linear), slicesInput: false, dims: 1, childLoop: false, treeOps, searches, linear, sorts, heapOps,
    wholeInput, digitInput, wholeInLoops, builds: findBuilds(c, spec, vocab, kindOf), allocs: findAllocs(c, spec, self.numeric ?? new Set<string>()), userCalls };
  if (!selfCalls.length) return result;
  result.slicesInput = selfCalls.some((e) => e.args.some((a) => /\[[^\]]*:[^\]]*\]|\.slice\(|subList\(/.test(a.text)));
  result.shape = recursionShape(selfCalls, c, spec, vocab, self);
  result.childLoop = result.shape === 'structural' && selfCalls.some((e) => e.scope.loops.some((l) => walksChildren(l, e, spec)));
  if (result.shape === 'linear' && compressesPath(selfCalls, c)) result.shape = 'compressing';
  if (result.shape === 'linear' && vocab.memo.test(self.text)) result.dims = varyingParams(selfCalls, self.params);
  if (result.shape === 'visiting' && marksGrid(c, spec)) result.dims = 2;
  const base = baseCase(c, selfCalls);
  if (base !== undefined) result.baseCaseLine = base;
  return result;
}

/**
 * `for i: out.push_back(s.substr(i))` then `sort(out)`: the items are copies that grow with the
 * input, so each of the n log n comparisons reads up to n characters.
 */
function wideSorts(sorts: CallEv[], c: Collected, spec: SyntaxSpec, linear: CallResult['linear']): Set<CallEv> {
  const out = new Set<CallEv>();
  for (const s of sorts) {
    // `matrix.flat().sort()`: the m·n items of a grid, each comparison O(1): n^2 log n.
    if (/\.flat\(\)$/.test(s.receiver?.text ?? '')) { out.add(s); continue; }
    const target = baseOf(s.receiver ?? s.args[0] ?? null, spec);
    if (!target) continue;
    const filled = c.calls.filter((e) => e.receiver !== null && baseOf(e.receiver, spec) === target && /^(append|push|push_back|emplace_back|add)$/.test(e.last));
    if (filled.some((f) => linear.some((l) => l.facts.kind === 'copy' && f.args.some((a) => a.startPosition.row + 1 === l.facts.line &&
      a.text.includes(l.facts.expr.replace(/…$/, '')))))) out.add(s);
  }
  return out;
}

function recursionShape(calls: CallEv[], c: Collected, spec: SyntaxSpec, vocab: Vocab, self: SelfInfo): RecursionShape {
  const argText = calls.flatMap((e) => e.args.map((a) => a.text)).join(' ');
  // `n // 2`, `n / 10` (digits), `lo..mid`, and Euclid's `gcd(b, a % b)`: the argument shrinks by a factor.
  const euclid = [...argText.matchAll(/\b(\w+)\s*%\s*(\w+)\b/g)].some((m) => self.params.includes(m[1] ?? '') && self.params.includes(m[2] ?? ''));
  const halving = euclid || /\/\/?\s*(?:[2-9]|[1-9]\d+)\b|>>\s*[1-9]\b|\bmid\b|\bhalf\b/.test(argText);
  const structural = calls.some((e) => e.args.some((a) => isMember(a) && /\.(left|right|next|children|child|Left|Right|Next)$|->(left|right|next)$/.test(a.text)) ||
    e.scope.loops.some((l) => walksChildren(l, e, spec)));
  const inLoop = calls.some((e) => e.scope.loops.length > 0);
  const branching = inLoop || hasParallelCalls(calls, spec);
  const memo = vocab.memo.test(self.text);
  if (structural) return 'structural';
  if (!branching) return halving || partitionsOneSide(calls, c, self) ? 'halving' : doublesResult(calls, c) ? 'exponential' : 'linear';
  if (halving) return 'divide';
  if (memo) return 'linear';
  if (marksVisited(calls, c, spec)) return 'visiting';
  // Backtracking: a call per choice in a loop, nothing cached or marked for good (permutations, subsets).
  if (inLoop) return 'exponential';
  const decrements = calls.some((e) => e.args.some((a) => spec.binaries.includes(a.type) && /^[-+]$/.test(a.childForFieldName('operator')?.text ?? '') &&
    [...identifiersIn(a)].some((v) => self.params.includes(v))));
  return decrements ? 'exponential' : 'divide';
}

/** `parent[x] = find(parent[x])`: the call's result is written back where its argument was read. */
function compressesPath(selfCalls: CallEv[], c: Collected): boolean {
  return c.assigns.some((a) => a.viaIndex && a.value !== null && selfCalls.some((e) => contains(a.value as Node, e.node) &&
    new RegExp(`^${escapeRegExp(a.name)}\\s*\\[`).test(e.args[0]?.text ?? '')));
}

/**
 * Quickselect: `return f(a, k, lo, p - 1) if k < p else f(a, k, p + 1, hi)` after a partition loop
 * that computed p. One side per call, and the side is half the range in expectation: n + n/2 + ...
 */
function partitionsOneSide(calls: CallEv[], c: Collected, self: SelfInfo): boolean {
  if (!c.loops.length) return false;
  const local = (v: string): boolean => !self.params.includes(v) && c.assigns.some((a) => a.name === v && !a.viaIndex);
  return calls.every((e) => e.args.some((a) => {
    const m = /^(\w+)\s*[-+]\s*1$/.exec(a.text.trim());
    return !!m && local(m[1] ?? '');
  }));
}

/**
 * `rest = power_set(s[1:]); return rest + [[s[0]] + r for r in rest]`: each level returns its
 * callee's result and a copy of every item of it, so the result doubles per level.
 */
function doublesResult(calls: CallEv[], c: Collected): boolean {
  const results = c.assigns.filter((a) => !a.viaIndex && a.value !== null && calls.some((e) => contains(a.value as Node, e.node))).map((a) => a.name);
  return results.some((r) => c.loops.some((l) => l.kind === 'foreach' && l.iter?.text === r) &&
    (c.returns.some((ret) => new RegExp(`\\b${escapeRegExp(r)}\\s*\\+|\\+\\s*${escapeRegExp(r)}\\b`).test(ret.node.text)) ||
      c.calls.some((e) => e.receiver?.text === r && /^(extend|push|append|add|addAll|push_back)$/.test(e.last) && e.scope.loops.some((l) => l.iter?.text === r))));
}

/** `for child in node.children: walk(child)`: one call per child of a tree node, n calls in all. */
function walksChildren(loop: CallEv['scope']['loops'][number], call: CallEv, spec: SyntaxSpec): boolean {
  if (loop.kind !== 'foreach' || !loop.iter || !isMember(loop.iter)) return false;
  if (!/(children|child|kids|neighbors|neighbours|subordinates|nodes)$/i.test(loop.iter.text)) return false;
  return call.args.some((a) => loop.vars.includes(a.text));
}

/**
 * Flood fill and graph DFS mark what they have seen, test the mark, and never unmark it: each cell
 * or node is visited once. Backtracking unmarks after the recursive call and stays exponential.
 */
function marksVisited(selfCalls: CallEv[], c: Collected, spec: SyntaxSpec): boolean {
  const firstCall = Math.min(...selfCalls.map((e) => e.line));
  const marks = new Set<string>();
  const unmarks = new Set<string>();
  // After the call, resetting (`used[i] = False`, `board[r][c] = tmp`) unmarks; a further state
  // (`state[u] = 2`, three-colour DFS) keeps the node marked for good.
  const furtherState = (v: Node | null): boolean => v !== null && isLiteral(v, spec) && !/^(0|false|False|None|null|nil|''|""|-1)$/.test(v.text);
  for (const a of c.assigns) if (a.viaIndex) (a.line > firstCall ? (furtherState(a.value) ? marks : unmarks) : marks).add(a.name);
  for (const e of c.calls) {
    const recv = e.receiver ? baseOf(e.receiver, spec) : undefined;
    if (!recv) continue;
    if (/^(add|append|push|insert|put|set)$/.test(e.last) && e.line <= firstCall) marks.add(recv);
    if (/^(remove\w*|discard|delete\w*|pop\w*|erase|setLength|truncate)$/.test(e.last) && e.line > firstCall) unmarks.add(recv);
  }
  const tested = (name: string): boolean => c.ifs.some((i) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(i.cond.text)) ||
    c.binaries.some((b) => (b.op === 'in' || b.op === 'not in') && b.right?.text === name);
  return [...marks].some((m) => !unmarks.has(m) && tested(m));
}

const TREE_OPS = /^(insert|emplace|erase|find|count|lower_bound|upper_bound|put|get|containsKey|remove|add|contains|floorKey|ceilingKey|floor|ceiling|merge|pollFirstEntry|pollLastEntry|pollFirst|pollLast|firstKey|lastKey|higherKey|lowerKey|firstEntry|lastEntry)$/;

/** How many parameters change from call to call: a memo over (i, j) fills up to n^2 entries. */
function varyingParams(selfCalls: CallEv[], params: string[]): number {
  const varied = new Set<number>();
  for (const e of selfCalls) e.args.forEach((a, k) => { if (k < params.length && a.text !== params[k]) varied.add(k); });
  return Math.max(1, varied.size);
}

/** `grid[r][c] = '0'`, `seen.add((r, c))`: the traversal marks cells of a grid, not items of a list. */
function marksGrid(c: Collected, spec: SyntaxSpec): boolean {
  const twoSubscripts = (n: Node | null): boolean => {
    const outer = n ? subscriptParts(n, spec) : null;
    return outer?.object ? subscriptParts(outer.object, spec) !== null : false;
  };
  const target = (a: AssignEv): Node | null => {
    const t = field(a.node, 'left') ?? namedKids(a.node)[0] ?? null;
    return t && isListish(t) ? namedKids(t)[0] ?? null : t;
  };
  if (c.assigns.some((a) => a.viaIndex && twoSubscripts(target(a)))) return true;
  return c.calls.some((e) => /^(add|insert)$/.test(e.last) && e.args.length === 1 && e.args[0] !== undefined &&
    /^(tuple|array|list|initializer_list|pair)$/.test(e.args[0].type) && namedKids(e.args[0]).length === 2);
}

/** Two self-calls that both run: not in different branches of an if, and not each in its own return. */
function hasParallelCalls(calls: CallEv[], spec: SyntaxSpec): boolean {
  for (let i = 0; i < calls.length; i++) {
    for (let j = i + 1; j < calls.length; j++) {
      const a = calls[i];
      const b = calls[j];
      if (!a || !b) continue;
      let lca: Node | null = a.node.parent;
      while (lca && !contains(lca, b.node)) lca = lca.parent;
      if (!lca) continue;
      if (spec.ifs.includes(lca.type) || spec.ternaries[lca.type] !== undefined || /switch|case|else/.test(lca.type)) continue;
      const returnOf = (n: Node): Node | null => {
        for (let p: Node | null = n.parent; p && p.id !== lca?.id; p = p.parent) if (spec.returns.includes(p.type)) return p;
        return null;
      };
      if (returnOf(a.node) && returnOf(b.node)) continue;
      // `if (n < 0) return 1 / pow(x, -n);` exits before the other call can run.
      if (returnsUnderIf(a.node, lca, spec) || returnsUnderIf(b.node, lca, spec)) continue;
      return true;
    }
  }
  return false;
}

/** The call sits in a return that only runs under a condition, below the common ancestor `top`. */
function returnsUnderIf(call: Node, top: Node, spec: SyntaxSpec): boolean {
  let sawReturn = false;
  for (let p: Node | null = call.parent; p && p.id !== top.id; p = p.parent) {
    if (spec.returns.includes(p.type)) sawReturn = true;
    else if (sawReturn && (spec.ifs.includes(p.type) || /^(else_clause|else)$/.test(p.type))) return true;
  }
  return false;
}

function baseCase(c: Collected, selfCalls: CallEv[]): number | undefined {
  const firstRecursive = Math.min(...selfCalls.map((e) => e.line));
  for (const ev of [...c.ifs].sort((a, b) => a.line - b.line)) {
    if (ev.line > firstRecursive) break;
    const body = ev.consequence;
    if (!body || selfCalls.some((s) => contains(body, s.node))) continue;
    const exits = c.returns.some((r) => contains(body, r.node)) || /\b(raise|throw)\b/.test(body.text);
    if (exits) return ev.line;
  }
  for (const t of c.ternaries) {
    const arms = namedKids(t.node).filter((k) => k.id !== t.cond.id);
    if (selfCalls.some((s) => contains(t.node, s.node)) && arms.some((arm) => !selfCalls.some((s) => contains(arm, s.node)))) {
      return t.line;
    }
  }
  return undefined;
}

// Static complexity estimate. Cost is n^p · log^l n (or exponential); every loop multiplies by its
// factor, and the most expensive loop, sort, hidden linear call or call into another of the
// candidate's functions sets the estimate and the line that dominates it.
import type { LoopCtx, Scope } from './collect.ts';
import type { CallResult } from './calls.ts';
import { calleeReason, linearReason, logOpReason, loopReason, recursionReason, sortReason, wholeInputReason, buildReason, digitsReason, allocReason, wholeInLoopReason } from './reasons.ts';
import type { ComplexityClass, LoopFacts } from './types.ts';

export interface Cost { p: number; l: number; exp: boolean }

const O1: Cost = { p: 0, l: 0, exp: false };
const N: Cost = { p: 1, l: 0, exp: false };
const NLOGN: Cost = { p: 1, l: 1, exp: false };
const LOGN: Cost = { p: 0, l: 1, exp: false };

const mul = (a: Cost, b: Cost): Cost => ({ p: a.p + b.p, l: a.l + b.l, exp: a.exp || b.exp });
const gt = (a: Cost, b: Cost): boolean =>
  a.exp !== b.exp ? a.exp : a.p !== b.p ? a.p > b.p : a.l > b.l;

export function toClass(c: Cost): ComplexityClass {
  if (c.exp) return 'O(2^n)';
  if (c.p >= 3) return 'O(n^3)';
  if (c.p === 2) return c.l ? 'O(n^2 log n)' : 'O(n^2)';
  if (c.p === 1) return c.l ? 'O(n log n)' : 'O(n)';
  return c.l ? 'O(log n)' : 'O(1)';
}

function loopFactor(f: LoopFacts | undefined): Cost {
  if (f?.doubling) return { p: 0, l: 0, exp: true };
  if (!f || f.constantBound || f.amortized) return O1;
  if (f.power || f.cells) return { p: f.power ?? 2, l: 0, exp: false };
  return f.halving || f.harmonic || f.digits ? LOGN : N;
}

/** Product of the factors of every loop around a point. */
function chainCost(loops: LoopCtx[], byCtx: Map<LoopCtx, LoopFacts>): Cost {
  return loops.reduce((acc, l) => mul(acc, loopFactor(byCtx.get(l))), O1);
}

export interface Estimate {
  cost: Cost;
  line?: number;
  /** A visited-marking traversal: entering it from inside a loop costs its total once, not per pass. */
  amortized?: boolean;
  /** Plain words: what sets the cost (reasons.ts). */
  why?: string;
}

/** Local estimate: the function's own loops, sorts and linear calls; callees and recursion come later. */
export function estimateLocal(loops: LoopCtx[], byCtx: Map<LoopCtx, LoopFacts>, calls: CallResult): Estimate {
  let best: Estimate = { cost: O1, why: 'nothing in it grows with the input: no loop over it, no recursion, no library call that reads all of it' };
  const consider = (cost: Cost, line: number, why: () => string): void => {
    if (gt(cost, best.cost)) best = { cost, line, why: why() };
  };
  for (const l of loops) {
    const chain: LoopCtx[] = [];
    for (let x: LoopCtx | null = l; x; x = x.parent) chain.unshift(x);
    consider(chainCost(chain, byCtx), l.line, () => loopReason(chain, byCtx));
  }
  const at = (scope: Scope): Cost => chainCost(scope.loops, byCtx);
  for (const s of calls.sorts) {
    const wide = calls.wideSorts.has(s);
    consider(mul(at(s.scope), wide ? { p: 2, l: 1, exp: false } : NLOGN), s.line, () => sortReason(s.line, s.scope.loops, byCtx, wide ? (/\.flat\(\)$/.test(s.receiver?.text ?? '') ? 'grid' : 'wide') : undefined));
  }
  for (const lin of calls.linear) consider(mul(at(lin.scope), N), lin.facts.line, () => linearReason(lin.facts, lin.scope.loops, byCtx));
  for (const h of calls.heapOps) consider(mul(at(h.scope), LOGN), h.line, () => logOpReason(h.line, 'heap', h.scope.loops, byCtx));
  for (const t of calls.treeOps) consider(mul(at(t.scope), LOGN), t.line, () => logOpReason(t.line, 'ordered-tree', t.scope.loops, byCtx));
  for (const b of calls.searches) consider(mul(at(b.scope), LOGN), b.line, () => logOpReason(b.line, 'binary-search', b.scope.loops, byCtx));
  // `' '.join(reversed(s.split()))` with no loop at all still reads the whole input.
  for (const w of calls.wholeInput) if (!w.scope.loops.length) consider(N, w.line, () => wholeInputReason(w.line));
  for (const w of calls.wholeInLoops) consider(mul(at(w.scope), N), w.line, () => wholeInLoopReason(w.line, w.scope.loops, byCtx));
  for (const d of calls.digitInput) if (!d.scope.loops.length) consider(LOGN, d.line, () => digitsReason(d.line));
  for (const a of calls.allocs) {
    consider(mul(at(a.scope), { p: a.dims, l: 0, exp: false }), a.line, () => allocReason(a.line, a.dims, a.scope.loops, byCtx));
  }
  for (const b of calls.builds) {
    consider(b.scansPerItem ? { p: 2, l: 0, exp: false } : b.ordered ? NLOGN : N, b.line,
      () => (b.scansPerItem ? `line ${b.line} calls a full scan of the list as the key of every item (n steps per item): O(n^2) in all` : buildReason(b.line, b.ordered)));
  }
  return best;
}

/** Folds the recursion's shape into the cost of one call (its own work plus the helpers it calls). */
export function withRecursion(local: Estimate, calls: CallResult): Estimate {
  const line = calls.selfCalls[0]?.line;
  let perCall = local.cost;
  if (calls.slicesInput && gt(N, perCall)) perCall = N;
  // At equal cost the recursion is still the better explanation (a DFS's neighbour loop is part of it).
  const rec = (cost: Cost): Estimate => (!gt(local.cost, cost) && line !== undefined
    ? { cost, line, why: recursionReason(calls, line, toClass(perCall), toClass(cost)) } : local);
  switch (calls.shape) {
    case 'none':
      return local;
    case 'exponential':
      return rec({ p: 0, l: 0, exp: true });
    case 'linear':
      // Memoised: one call per state, and a memo over (i, j) has n^2 of them.
      return rec(mul(perCall, { p: calls.dims, l: 0, exp: false }));
    case 'structural':
      // `for child in node.children: walk(child)`: the children loops add up to the nodes.
      return rec(calls.childLoop ? { p: 1 + Math.max(0, perCall.p - 1), l: perCall.l, exp: false } : mul(perCall, N));
    case 'visiting':
      // Each node (or grid cell) once; its neighbour loop adds up to the edges, not n per visit.
      return { ...rec({ p: calls.dims + Math.max(0, perCall.p - 1), l: perCall.l, exp: false }), amortized: true };
    case 'compressing':
      return rec(perCall);
    case 'halving':
      return rec(perCall.p === 0 ? { p: 0, l: perCall.l + 1, exp: false } : perCall);
    case 'divide':
      // T(n) = 2T(n/2) + n^p: linear below p = 1, n log n at p = 1, n^p above.
      return rec(perCall.p === 0 ? N : perCall.p === 1 ? { p: 1, l: perCall.l + 1, exp: false } : perCall);
  }
}

export interface CallSite { callee: string; name: string; scope: Scope; line: number }

/**
 * Folds in calls to the candidate's other functions (`is_prime(x)` inside a loop) by memoised DFS;
 * cycles (mutual recursion) stop at the function already on the stack.
 */
export function resolveCallees(local: Map<string, Estimate>,
  sites: Map<string, { byCtx: Map<LoopCtx, LoopFacts>; calls: CallSite[]; recursion?: CallResult }>): Map<string, Estimate> {
  const done = new Map<string, Estimate>();
  const onStack = new Set<string>();
  const resolve = (name: string): Estimate => {
    const cached = done.get(name);
    if (cached) return cached;
    const own = local.get(name) ?? { cost: O1 };
    if (onStack.has(name)) return own;
    onStack.add(name);
    let best = own;
    const info = sites.get(name);
    for (const site of info?.calls ?? []) {
      if (!local.has(site.callee)) continue;
      const callee = resolve(site.callee);
      const chain = chainCost(site.scope.loops, info?.byCtx ?? new Map());
      // numIslands-style: loops over the grid enter a flood fill that visits each cell once overall.
      const cost = callee.amortized ? (gt(chain, callee.cost) ? chain : callee.cost) : mul(chain, callee.cost);
      if (gt(cost, best.cost)) {
        best = { cost, line: site.line, why: calleeReason(site.line, site.name, toClass(callee.cost), toClass(cost), !!callee.amortized, site.scope.loops, info?.byCtx ?? new Map()) };
      }
    }
    // Quicksort's partition helper is part of every call's work: fold callees first, then recurse.
    const final = info?.recursion ? withRecursion(best, info.recursion) : best;
    onStack.delete(name);
    done.set(name, final);
    return final;
  };
  for (const name of local.keys()) resolve(name);
  return done;
}

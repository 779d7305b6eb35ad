// Loop facts: what each loop walks, how deep it sits, whether it halves its range, and whether
// two nested loops walk the same collection (the usual O(n^2) evidence).
import type { Node } from 'web-tree-sitter';
import type { Collected, LoopCtx } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { LoopFacts, NestedSameCollection } from './types.ts';
import { isAmortized, isDoubling } from './amortized.ts';
import { compressesPath, isHarmonic, tupleCount, walksDigits, walksGridCells } from './loopshapes.ts';
import { baseOf, escapeRegExp, field, identifiersIn, isLiteral, isNumber, lengthBase, namedKids, numberValue, subscriptParts } from './tree.ts';

export interface LoopResult {
  loops: LoopFacts[];
  byCtx: Map<LoopCtx, LoopFacts>;
  maxDepth: number;
  nested: NestedSameCollection | null;
}

const HALVING_OPS = new Set(['/=', '//=', '>>=', '*=', '<<=', '>>>=']);
const HALVING_BIN = new Set(['/', '//', '>>', '>>>', '*', '<<']);

export function analyzeLoops(c: Collected, spec: SyntaxSpec, numeric: ReadonlySet<string> = new Set()): LoopResult {
  const byCtx = new Map<LoopCtx, LoopFacts>();
  const loops: LoopFacts[] = [];
  for (const ctx of [...c.loops].sort((a, b) => a.line - b.line || a.depth - b.depth)) {
    const facts: LoopFacts = { line: ctx.line, kind: ctx.kind, depth: ctx.depth, endLine: ctx.endLine };
    const iterates = ctx.guess ?? iteratesOf(ctx, spec);
    if (iterates) facts.iterates = iterates;
    if (ctx.vars.length) facts.variable = ctx.vars.join(', ');
    if (isHalving(ctx, c, spec)) facts.halving = true;
    if (isConstantBound(ctx, c, spec)) facts.constantBound = true;
    else if (!facts.halving && isHarmonic(ctx, c, spec)) facts.harmonic = true;
    if (!facts.halving && !facts.harmonic && walksDigits(ctx, iterates, c, numeric)) facts.digits = true;
    if (!facts.amortized && !facts.halving && walksGridCells(ctx, c, spec)) facts.cells = true;
    if (isAmortized(ctx, c, spec) || compressesPath(ctx, c, spec)) facts.amortized = true;
    const tuples = tupleCount(ctx, spec);
    if (isDoubling(ctx, iterates, c, spec) || hasPowerBound(ctx, spec) || tuples === 'exponential') facts.doubling = true;
    else if (typeof tuples === 'number' && tuples > 1) facts.power = tuples;
    if (ctx.partial) facts.partial = true;
    byCtx.set(ctx, facts);
    loops.push(facts);
  }
  const maxDepth = loops.reduce((m, l) => Math.max(m, l.depth), 0);
  return { loops, byCtx, maxDepth, nested: nestedSame(c.loops, byCtx) };
}

function iteratesOf(ctx: LoopCtx, spec: SyntaxSpec): string | undefined {
  const skip = new Set(ctx.vars);
  if (ctx.iter) return baseOf(ctx.iter, spec, skip);
  const cond = ctx.cond;
  if (!cond) return undefined;
  const viaLength = lengthBase(cond, spec);
  if (viaLength) return viaLength;
  // `i < n`, `i * i <= n`: the side that does not mention the loop variable is the bound.
  const comparison = findComparison(cond, skip, spec);
  if (comparison) {
    const left = field(comparison, 'left') ?? namedKids(comparison)[0] ?? null;
    const right = field(comparison, 'right') ?? namedKids(comparison)[1] ?? null;
    if (skip.size) {
      // `i < n`, `i * i <= n`: the side that does not mention the loop variable is the bound.
      for (const side of [left, right]) {
        if (!side || isLiteral(side, spec) || [...identifiersIn(side)].some((v) => skip.has(v))) continue;
        const b = baseOf(side, spec, skip);
        if (b) return b;
      }
      // `for (i = n - 1; i >= 0; i--)`: the start value carries the bound.
      return ctx.init ? baseOf(field(ctx.init, 'value') ?? field(ctx.init, 'right') ?? ctx.init, spec, skip) : undefined;
    }
    // `while n > 0` is bounded by n; `while lo <= hi` names no single collection.
    if (left && right && isLiteral(left, spec) !== isLiteral(right, spec)) {
      return baseOf(isLiteral(left, spec) ? right : left, spec);
    }
    return undefined;
  }
  // `while queue:` / `while (node)`: the loop walks whatever the condition tests.
  const ids = [...identifiersIn(cond)];
  return ids.length === 1 ? ids[0] : undefined;
}

function findComparison(n: Node, vars: Set<string>, spec: SyntaxSpec): Node | null {
  const ops = /^(<|<=|>|>=|!=|!==|==|===)$/;
  const queue = [n];
  let fallback: Node | null = null;
  while (queue.length) {
    const x = queue.shift();
    if (!x) break;
    if (spec.binaries.includes(x.type)) {
      const op = (x.childForFieldName('operator') ?? x.childForFieldName('operators'))?.text ?? '';
      if (ops.test(op)) {
        if (!vars.size || [...identifiersIn(x)].some((v) => vars.has(v))) return x;
        fallback ??= x;
      }
    }
    queue.push(...namedKids(x));
  }
  return fallback;
}

/** Binary search, digit loops, `i *= 2`: progress by a constant factor, so O(log n) passes. */
function isHalving(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.kind === 'foreach' || ctx.partial) return false;
  const watched = new Set([...identifiersIn(ctx.cond), ...ctx.vars]);
  if (!watched.size) return false;
  const own = (scopeLoops: LoopCtx[]): boolean => scopeLoops[scopeLoops.length - 1] === ctx;
  for (const a of c.assigns) {
    // Kernighan's `n &= n - 1` clears the lowest set bit: at most the number of bits of n passes.
    if (own(a.scope.loops) && watched.has(a.name) && (a.op === '&=' ? a.value?.text.replace(/\s/g, '') === `${a.name}-1`
      : a.op === '=' && new RegExp(`^\\(?${escapeRegExp(a.name)}\\)?&\\(${escapeRegExp(a.name)}-1\\)$`).test(a.value?.text.replace(/\s/g, '') ?? ''))) return true;
    if (!own(a.scope.loops) || !HALVING_OPS.has(a.op) || !watched.has(a.name)) continue;
    const v = numberValue(a.value, spec);
    if (v !== null && (v >= 2 || a.op.includes('<<') || a.op.includes('>>'))) return true;
  }
  const inCond = (n: Node): boolean => ctx.cond !== null && n.startIndex >= ctx.cond.startIndex && n.endIndex <= ctx.cond.endIndex;
  for (const b of c.binaries) {
    // `i < n / 2` halves the bound, not the progress: still n/2 passes.
    if (!own(b.scope.loops) || !HALVING_BIN.has(b.op) || !isNumber(b.right, spec) || inCond(b.node) || readsAt(b.node, ctx, spec)) continue;
    const v = numberValue(b.right, spec) ?? 0;
    if (!(v >= 2 || b.op.startsWith('>>') || b.op === '<<')) continue;
    if ([...identifiersIn(b.left)].some((id) => watched.has(id))) {
      // `mid = (lo + hi) // 2` or `n = n / 10`: the halved value must feed back into the condition.
      if (b.op === '*' || b.op === '<<') {
        const target = c.assigns.find((a) => a.node.startIndex <= b.node.startIndex && a.node.endIndex >= b.node.endIndex);
        if (!target || !watched.has(target.name)) continue;
      }
      return true;
    }
  }
  return isEuclid(ctx, c, watched);
}

/** `res[i >> 1]`, `dp[i / 2]`: reading at a halved index does not move the loop. */
function readsAt(n: Node, ctx: LoopCtx, spec: SyntaxSpec): boolean {
  for (let p = n.parent; p && p.id !== ctx.node.id; p = p.parent) {
    const sub = subscriptParts(p, spec);
    if (sub?.index && sub.index.startIndex <= n.startIndex && n.endIndex <= sub.index.endIndex) return true;
  }
  return false;
}

/**
 * Euclid's `t = a % b; a = b; b = t` (or `a, b = b, a % b`): the remainder is below half of `a`
 * every second pass, so O(log n) passes. Both operands must be rewritten in the loop, which a
 * circular index (`i % n` with a fixed n) is not.
 */
function isEuclid(ctx: LoopCtx, c: Collected, watched: Set<string>): boolean {
  const rewritten = new Set(c.assigns.filter((a) => a.scope.loops.includes(ctx) && a.op === '=').map((a) => a.name));
  return c.binaries.some((b) => b.op === '%' && b.scope.loops.includes(ctx) && b.left?.type === 'identifier' &&
    b.right?.type === 'identifier' && watched.has(b.right.text) && rewritten.has(b.left.text) && rewritten.has(b.right.text));
}

/** `mask < (1 << n)`, `i < 2 ** n`, `Math.pow(2, n)`: one pass per subset. */
function hasPowerBound(ctx: LoopCtx, spec: SyntaxSpec): boolean {
  if (!ctx.cond || ctx.partial) return false;
  const nodes = [ctx.cond, ...ctx.cond.descendantsOfType([...spec.binaries, ...spec.calls])].filter((n): n is Node => n !== null);
  return nodes.some((n) => {
    const kids = namedKids(n);
    const op = n.childForFieldName('operator')?.text ?? '';
    if ((op === '<<' && numberValue(kids[0] ?? null, spec) === 1) || (op === '**' && numberValue(kids[0] ?? null, spec) === 2)) {
      return !isNumber(kids[1] ?? null, spec);
    }
    const args = namedKids(n.childForFieldName('arguments'));
    return spec.calls.includes(n.type) && /(^|\.)pow$/.test(n.childForFieldName('function')?.text ?? '') &&
      numberValue(args[0] ?? null, spec) === 2 && !isNumber(args[1] ?? null, spec);
  });
}

/** `[(0, 1), (1, 0)]`, `{{1, 0}, {-1, 0}}`: a fixed handful of literals (no names, no calls inside). */
function isLiteralCollection(it: Node, spec: SyntaxSpec): boolean {
  if (!/^(list|tuple|array|set|initializer_list|composite_literal|array_creation_expression|array_initializer)$/.test(it.type)) return false;
  return identifiersIn(it).size === 0 && !spec.calls.some((t) => it.descendantsOfType(t).length > 0);
}

function isConstantBound(ctx: LoopCtx, c: Collected, spec: SyntaxSpec): boolean {
  if (ctx.partial) return false;
  if (ctx.iter) {
    const it = ctx.iter;
    if (spec.strings.includes(it.type)) return true;
    // Python's fixed alphabets: `for c in string.ascii_lowercase` is 26 passes.
    if (/^string\.(ascii_lowercase|ascii_uppercase|ascii_letters|digits|hexdigits|octdigits|punctuation)$/.test(it.text)) return true;
    if (isLiteralCollection(it, spec)) return true;
    if (spec.calls.includes(it.type) && /^range$/.test(it.childForFieldName('function')?.text ?? '')) {
      return namedKids(it.childForFieldName('arguments')).every((a) => isNumber(a, spec));
    }
    // `dirs := [][2]int{{1, 0}, ...}` then `for _, d := range dirs`: the name holds the literal.
    if (it.type === 'identifier') {
      const writes = c.assigns.filter((a) => a.name === it.text);
      return writes.length > 0 && writes.every((a) => !a.viaIndex && a.value !== null && isLiteralCollection(a.value, spec));
    }
    return false;
  }
  if (!ctx.cond || ctx.kind !== 'for') return false;
  const ids = [...identifiersIn(ctx.cond)];
  if (!ids.length || !ids.every((v) => ctx.vars.includes(v))) return false;
  // `i < 4` from `i = 0` is constant; `i >= 0` from `i = words.length - 1` is bounded by its start.
  return [...identifiersIn(ctx.init)].every((v) => ctx.vars.includes(v));
}

function nestedSame(ctxs: LoopCtx[], byCtx: Map<LoopCtx, LoopFacts>): NestedSameCollection | null {
  for (const inner of [...ctxs].sort((a, b) => a.line - b.line)) {
    const collection = byCtx.get(inner)?.iterates;
    if (!collection) continue;
    for (let outer = inner.parent; outer; outer = outer.parent) {
      const outerFacts = byCtx.get(outer);
      if (outerFacts?.iterates === collection && !outerFacts.constantBound) {
        return { outerLine: outer.line, innerLine: inner.line, collection };
      }
    }
  }
  return null;
}

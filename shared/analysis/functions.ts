// Finding the candidate's functions (named definitions and lambdas bound to a name) and turning one
// function's collected events into FunctionFacts.
import type { Node } from 'web-tree-sitter';
import { analyzeCalls, type CallResult } from './calls.ts';
import { collect, type Collected, type LoopCtx } from './collect.ts';
import { estimateLocal, type Estimate } from './complexity.ts';
import { endsWithValue } from './finish.ts';
import { findGuards, findIndexFirst, findTryCatch } from './guards.ts';
import type { SyntaxSpec } from './languages.ts';
import { analyzeLoops } from './loops.ts';
import { numericNames } from './digits.ts';
import { guessIterates } from './repair.ts';
import { fingerprint } from './similarity.ts';
import { findRoles } from './roles.ts';
import { findRunning, findSentinels } from './sentinels.ts';
import { analyzeStructures } from './structures.ts';
import { boundName, endLineOf, field, isListish, lastSegment, lineOf, namedKids } from './tree.ts';
import type { DataStructureFacts, FunctionFacts, LoopFacts, LoopKind } from './types.ts';
import type { Vocab } from './vocab.ts';

export interface FnNode {
  node: Node;
  name: string;
  params: string[];
  paramTypes: Map<string, string>;
  receiver?: string;
  /** Enclosing class: `Solution.fib(n)` is a self-call only inside Solution. */
  className?: string;
}

const BINDERS = ['name', 'left', 'key', 'property', 'declarator'];
const CLASS_TYPES = /^(class|class_declaration|abstract_class_declaration|class_definition|class_specifier|struct_specifier|interface_declaration|enum_declaration|record_declaration)$/;

/** A lambda's name comes from what it is bound to: `const fib = (n) => ...`, `dfs := func(...)`. */
function lambdaName(n: Node): string | null {
  let p = n.parent;
  if (p && isListish(p)) p = p.parent;
  if (!p || /argument|arguments|call/.test(p.type)) return null;
  for (const f of BINDERS) {
    const target = field(p, f);
    if (target && target.id !== n.id && target.endIndex <= n.startIndex) {
      const t = isListish(target) ? namedKids(target)[0] ?? target : target;
      return lastSegment(boundName(t) ?? t.text);
    }
  }
  return null;
}

function functionName(n: Node, spec: SyntaxSpec): string | null {
  if (spec.lambdas.includes(n.type)) return lambdaName(n);
  const named = field(n, 'name');
  if (named) return named.text;
  for (let d = field(n, 'declarator'); d; d = field(d, 'declarator') ?? field(d, 'name')) {
    if (d.type === 'function_declarator') {
      const id = field(d, 'declarator');
      return id ? lastSegment(id.text) : null;
    }
    if (!/declarator|qualified/.test(d.type)) break;
  }
  return null;
}

export function isBoundary(spec: SyntaxSpec): (n: Node) => boolean {
  return (n) => spec.functions.includes(n.type) || (spec.lambdas.includes(n.type) && lambdaName(n) !== null);
}

function paramsNode(n: Node): Node | null {
  let p = field(n, 'parameters') ?? field(n, 'parameter');
  for (let d = field(n, 'declarator'); !p && d; d = field(d, 'declarator')) p = field(d, 'parameters');
  return p;
}

export function findFunctions(root: Node, spec: SyntaxSpec): FnNode[] {
  const boundary = isBoundary(spec);
  const out: FnNode[] = [];
  for (const n of root.descendantsOfType([...spec.functions, ...spec.lambdas])) {
    if (!n || !boundary(n)) continue;
    const name = functionName(n, spec);
    if (!name) continue;
    const params: string[] = [];
    const paramTypes = new Map<string, string>();
    const ps = paramsNode(n);
    for (const p of ps ? (isListishParams(ps) ? namedKids(ps) : [ps]) : []) {
      const goNames = p.childrenForFieldName('name').filter((x): x is Node => x !== null);
      const names = goNames.length > 1 ? goNames.map((x) => x.text) : [boundName(p)].filter((x): x is string => !!x);
      const type = field(p, 'type')?.text;
      for (const pn of names) {
        if (spec.selfNames.includes(pn) || pn === 'this') continue;
        params.push(pn);
        if (type) paramTypes.set(pn, type);
      }
    }
    const recv = field(n, 'receiver');
    const receiver = recv ? boundName(namedKids(recv)[0] ?? null) ?? undefined : undefined;
    let cls: Node | null = n.parent;
    while (cls && !CLASS_TYPES.test(cls.type)) cls = cls.parent;
    const className = cls ? field(cls, 'name')?.text : undefined;
    out.push({ node: n, name, params, paramTypes, ...(receiver ? { receiver } : {}), ...(className ? { className } : {}) });
  }
  return out;
}

const isListishParams = (n: Node): boolean => /parameters|parameter_list|formal_parameters|lambda_parameters/.test(n.type);

export interface FnContext {
  spec: SyntaxSpec;
  vocab: Vocab;
  userFns: Set<string>;
  errorLines: Set<number>;
  stubbed: { line: number; text: string }[];
}

export interface FnAnalysis {
  facts: FunctionFacts;
  structures: DataStructureFacts[];
  local: Estimate;
  collected: Collected;
  byCtx: Map<LoopCtx, LoopFacts>;
  calls: CallResult;
}

/** Loops the parser lost on a half-typed header line: without them a nested loop in progress is invisible. */
function addPartialLoops(c: Collected, fn: Node, stubbed: FnContext['stubbed']): void {
  for (const s of stubbed) {
    const m = /^\s*(for|while|do)\b/.exec(s.text);
    if (!m) continue;
    const parent = [...c.loops].filter((l) => l.line < s.line && l.endLine >= s.line).sort((a, b) => b.depth - a.depth)[0] ?? null;
    const kind: LoopKind = m[1] === 'while' ? 'while' : m[1] === 'do' ? 'do' : /\bin\b|\bof\b|:|range/.test(s.text) ? 'foreach' : 'for';
    const guess = guessIterates(s.text);
    c.loops.push({ node: fn, kind, line: s.line, endLine: s.line, depth: (parent?.depth ?? 0) + 1, vars: [], iter: null,
      cond: null, init: null, parent, partial: true, ...(guess ? { guess } : {}) });
  }
}

/**
 * `ownStubs` are stubbed half-typed lines whose innermost enclosing function is this one.
 * `isModule` analyses the code outside every function (fn.node is then the root).
 */
export function analyzeFunction(fn: FnNode, ctx: FnContext, ownStubs: FnContext['stubbed'], isModule = false): FnAnalysis {
  const { spec, vocab } = ctx;
  const start = lineOf(fn.node);
  const end = endLineOf(fn.node);
  const c = collect(fn.node, spec, isBoundary(spec));
  addPartialLoops(c, fn.node, ownStubs);
  const ds = analyzeStructures(c, spec, vocab, isModule ? undefined : fn.name, fn.paramTypes);
  const kindOf = (name: string) => ds.kinds.get(name);
  const numeric = numericNames(c, fn.paramTypes);
  const loops = analyzeLoops(c, spec, numeric);
  const self = { name: fn.name, params: fn.params, text: isModule ? '' : headerText(fn.node), numeric, paramTypes: fn.paramTypes,
    ...(fn.receiver ? { receiver: fn.receiver } : {}), ...(fn.className ? { className: fn.className } : {}) };
  const calls = analyzeCalls(c, spec, vocab, self, kindOf, ctx.userFns);
  const guards = findGuards(c);
  const local = estimateLocal(c.loops, loops.byCtx, calls);
  const roles = findRoles(c, spec, vocab, fn.params, ds.kinds);
  const facts: FunctionFacts = {
    name: fn.name,
    startLine: start,
    endLine: end,
    params: fn.params,
    loops: loops.loops,
    maxLoopDepth: loops.maxDepth,
    nestedSameCollection: loops.nested,
    recursive: calls.selfCalls.length > 0,
    recursionCalls: [...new Set(calls.selfCalls.map((e) => e.line))],
    returns: c.returns.some((r) => r.hasValue),
    finished: !isModule && endsWithValue(fn.node, spec),
    hasTryCatch: findTryCatch(c),
    linearCallsInLoops: calls.linear.map((l) => l.facts),
    guards,
    indexFirst: findIndexFirst(c, spec, vocab, fn.params, guards),
    sortCalls: [...new Set(calls.sorts.map((e) => e.line))],
    variableRoles: roles,
    sentinels: findSentinels(c, spec, fn.params, new Set(roles.filter((r) => r.role === 'most_wanted_holder').map((r) => r.name))),
    running: findRunning(c, new Set(roles.filter((r) => r.role === 'gatherer').map((r) => r.name))),
    complexityEstimate: 'O(1)',
    hasError: [...ctx.errorLines].some((l) => l >= start && l <= end),
    shape: isModule ? '' : fingerprint(c.types),
  };
  if (calls.baseCaseLine !== undefined) facts.baseCaseLine = calls.baseCaseLine;
  return { facts, structures: ds.entries, local, collected: c, byCtx: loops.byCtx, calls };
}

/** Decorators (`@lru_cache`) sit outside the definition node but decide whether recursion is memoised. */
function headerText(n: Node): string {
  const parent = n.parent?.type === 'decorated_definition' ? n.parent : n;
  return parent.text;
}


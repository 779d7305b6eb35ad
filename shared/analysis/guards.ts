// Guards (what an `if` protects against), unguarded first-element access on parameters, and
// exception handling. Conditions are classified from their text because the hazard vocabulary
// (None/null/nil, len/length/size) is small and shared across languages.
import type { Node } from 'web-tree-sitter';
import type { Collected, IfEv, Scope } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { GuardFacts, GuardKind, IndexFirstFacts, TryCatchFacts } from './types.ts';
import { NODE_NAME, type Vocab } from './vocab.ts';
import { baseOf, clip, escapeRegExp, identifiersIn, lengthBase, lineOf, numberValue, stripParens, subscriptParts } from './tree.ts';

const NULL_RE = /\bis\s+(not\s+)?None\b|(===?|!==?)\s*(null|nullptr|nil|None|undefined|NULL)\b|\b(null|nullptr|nil|NULL|undefined)\s*(===?|!==?)/;
const LEN = String.raw`(?:len\(\s*[\w.]+\s*\)|[\w.]+\.(?:length|size\(\)|len\(\)|Count|length\(\)))`;
const EMPTY_RES = [
  new RegExp(`${LEN}\\s*(?:===?|<=|<)\\s*[0-2]\\b`),
  new RegExp(`\\b[0-2]\\s*(?:===?|>=|>)\\s*${LEN}`),
  new RegExp(`${LEN}\\s*(?:>|!==?|>=)\\s*[01]\\b`),
  /\.(isEmpty|empty)\(\)/,
];
const BOUNDS_RES = [new RegExp(`(?:<|<=|>|>=)\\s*${LEN}`), new RegExp(`${LEN}\\s*(?:<|<=|>|>=)`),
  /\b\w+\s*(?:>=|<)\s*0\b|\b0\s*(?:<=|>)\s*\w+/];

function classify(part: string, divisors: Set<string>): GuardKind | null {
  const t = stripParens(part);
  if (/^err\s*!=\s*nil$/.test(t)) return 'error_check';
  const negated = /^(?:not\s+|!\s*)([\w.]+)$/.exec(t);
  const bare = /^[A-Za-z_][\w.]*$/.test(t) ? t : negated?.[1];
  if (bare && divisors.has(bare)) return 'zero_division';
  if (NULL_RE.test(t)) return 'null_check';
  if (bare) return NODE_NAME.test(bare.split('.').pop() ?? '') ? 'null_check' : negated ? 'empty_check' : null;
  if (EMPTY_RES.some((re) => re.test(t))) return 'empty_check';
  const zero = /^(.+?)\s*(?:===?|!==?|>|<)\s*0(?:\.0)?$/.exec(t) ?? /^0(?:\.0)?\s*(?:===?|!==?|<|>)\s*(.+)$/.exec(t);
  if (zero?.[1] && divisors.has(stripParens(zero[1]))) return 'zero_division';
  if (BOUNDS_RES.some((re) => re.test(t))) return 'bounds';
  return null;
}

const exitsEarly = (ev: IfEv): boolean => /^\{?\s*(return|raise|throw|continue|break)\b/.test(ev.consequence?.text.trim() ?? '');

export function findGuards(c: Collected): GuardFacts[] {
  const divisors = new Set<string>();
  for (const b of c.binaries) if ((b.op === '/' || b.op === '//' || b.op === '%') && b.right) divisors.add(stripParens(b.right.text));
  for (const a of c.assigns) if (/^(\/|\/\/|%)=$/.test(a.op) && a.value) divisors.add(stripParens(a.value.text));
  const locals = new Set(c.assigns.map((a) => a.name));
  const out: GuardFacts[] = [];
  for (const ev of c.ifs) {
    const text = stripParens(ev.cond.text);
    const kinds = new Set<GuardKind>();
    for (const part of text.split(/\s+(?:and|or)\s+|&&|\|\|/)) {
      const kind = classify(part, divisors);
      if (kind) kinds.add(kind);
    }
    // An early return tests the inputs before any work; `if a[mid] == t: return` in a search is logic, not a guard.
    if (!kinds.size && !ev.scope.loops.length && !ev.scope.conds.length && exitsEarly(ev) &&
      ![...identifiersIn(ev.cond)].some((v) => locals.has(v)) && !c.loops.some((l) => l.line < ev.line)) kinds.add('early_return');
    for (const kind of kinds) out.push({ line: ev.line, kind, text: clip(text, 120) });
  }
  return out.sort((a, b) => a.line - b.line);
}

const mentions = (text: string, name: string): boolean => new RegExp(`(^|[^\\w.])${escapeRegExp(name)}\\b`).test(text);

/** `len(xs) // 2`, `Math.floor(a.length / 2)`, `v.size() >> 1`: the middle index, 0 for an empty input. */
const isMiddle = (text: string): boolean => /(?:len\(|\.length\b|\.size\(\)|\.len\(\))/.test(text) && /\/\/?\s*2\b|>>\s*1\b/.test(text);

const EMPTY_TEST = /(?:length|size\(\)|len\([^)]*\))\s*(?:===?|<=?|>=?|!==?)\s*[01]\b|\.(?:empty|isEmpty)\(\)|^\s*!\s*\w|\bnot\s+\w|^\s*\w+\s*$/;

export function findIndexFirst(c: Collected, spec: SyntaxSpec, vocab: Vocab, params: string[],
  guards: GuardFacts[]): IndexFirstFacts[] {
  if (!params.length) return [];
  const out: IndexFirstFacts[] = [];
  const seen = new Set<string>();
  const guarded = (param: string, scope: Scope, line: number): boolean =>
    scope.tries.length > 0 ||
    scope.conds.some((cond) => mentions(cond.text, param)) ||
    scope.loops.some((l) => l.iter !== null && baseOf(l.iter, spec) === param) ||
    guards.some((g) => g.line <= line && g.kind !== 'zero_division' && mentions(g.text, param));
  // Only a test for emptiness protects a middle read (`sorted.length % 2` picks a branch, not a size).
  const emptyGuarded = (names: string[], scope: Scope, line: number): boolean => scope.tries.length > 0 ||
    scope.conds.some((cond) => names.some((n) => mentions(cond.text, n)) && EMPTY_TEST.test(cond.text)) ||
    guards.some((g) => g.line <= line && (g.kind === 'empty_check' || g.kind === 'bounds' || g.kind === 'early_return') && names.some((n) => mentions(g.text, n)));
  const add = (param: string, via: IndexFirstFacts['via'], node: Node, scope: Scope): void => {
    const key = `${param}:${via}`;
    if (seen.has(key) || guarded(param, scope, lineOf(node))) return;
    seen.add(key);
    out.push({ line: lineOf(node), param, via, expr: clip(node.text, 80) });
  };
  // A sorted or copied input (`sorted = [...nums].sort()`) stands for the parameter it was made from,
  // and a middle index (`mid = len(xs) // 2`) is 0 when the input is empty: `sorted[mid]` reads nothing.
  const aliases = new Map<string, string>();
  const middles = new Set<string>();
  for (const a of c.assigns) {
    if (a.viaIndex || a.scope.loops.length || !a.value || params.includes(a.name)) continue;
    const text = a.value.text;
    if (isMiddle(text)) middles.add(a.name);
    else if (!subscriptParts(a.value, spec) && !/(?:len\(|\.length\b|\.size\(\)|\.len\(\))/.test(text)) {
      const from = [...identifiersIn(a.value)].find((id) => params.includes(id));
      if (from && !aliases.has(a.name)) aliases.set(a.name, from);
    }
  }
  for (const s of c.subscripts) {
    const obj = s.object;
    const v = numberValue(s.index, spec);
    if (obj && params.includes(obj.text) && (v === 0 || v === -1)) add(obj.text, 'index', s.node, s.scope);
    const param = obj ? (params.includes(obj.text) ? obj.text : aliases.get(obj.text)) : undefined;
    const middle = s.index !== null && ([...identifiersIn(s.index)].some((id) => middles.has(id)) || isMiddle(s.index.text));
    if (obj && param && (middle || (param !== obj.text && (v === 0 || v === -1))) && !emptyGuarded([obj.text, param], s.scope, lineOf(s.node))) {
      add(param, 'index', s.node, s.scope);
    }
  }
  for (const e of c.calls) {
    const first = e.args[0] ?? null;
    const target = baseOf(first, spec);
    if (!target || !params.includes(target)) {
      // Java's `xs.get(0)` and C++'s `v.front()` read the first element through a method.
      const recv = e.receiver ? baseOf(e.receiver, spec) : undefined;
      if (recv && params.includes(recv) && ((e.last === 'get' && first?.text === '0') || /^(front|back|getFirst|first)$/.test(e.last))) {
        add(recv, 'index', e.node, e.scope);
      }
      continue;
    }
    const spreadOrSingle = e.args.length === 1 || first?.type === 'spread_element' || /begin\(\)/.test(first?.text ?? '');
    // max/min of nothing throws (Python, Java) or is ±Infinity (JS); sum of nothing is a harmless 0.
    if ((vocab.aggregates.test(e.callee) || /^(max|min)$/.test(e.callee)) && /max|min/i.test(e.last) && spreadOrSingle && !spec.comprehensions.includes(first?.type ?? '')) {
      add(target, 'max_min', e.node, e.scope);
    }
  }
  for (const b of c.binaries) {
    if ((b.op !== '/' && b.op !== '//' && b.op !== '%') || !b.right) continue;
    const target = lengthBase(b.right, spec);
    if (target && params.includes(target)) add(target, 'div_len', b.node, b.scope);
  }
  return out.sort((a, b) => a.line - b.line);
}

export function findTryCatch(c: Collected): TryCatchFacts[] {
  const out: TryCatchFacts[] = [];
  for (const t of c.tries) {
    for (const h of t.catches) {
      const facts: TryCatchFacts = { tryLine: t.line, catchLine: h.line, riskyLines: [...t.riskyLines].sort((a, b) => a - b) };
      if (h.caught) facts.caught = h.caught;
      out.push(facts);
    }
  }
  // Go has no try: a deferred closure calling recover() is its catch block.
  for (const e of c.calls) {
    if (e.callee !== 'recover') continue;
    let defer: Node | null = e.node.parent;
    while (defer && defer.type !== 'defer_statement') defer = defer.parent;
    if (defer) out.push({ tryLine: lineOf(defer), catchLine: e.line, caught: 'panic', riskyLines: [] });
  }
  return out;
}

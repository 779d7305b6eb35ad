// Hidden linear work inside loops: scans (`x in list`, includes, contains, std::find), shifts at the
// front (pop(0), unshift, insert at begin), whole-collection reads (max, sum), string and list
// rebuilds, and copies of a growing stretch (slices, substrings).
import type { Node } from 'web-tree-sitter';
import type { CallEv, Collected, Scope } from './collect.ts';
import { findCopies } from './copies.ts';
import type { SyntaxSpec } from './languages.ts';
import type { KindOf } from './structures.ts';
import type { LinearCallFacts } from './types.ts';
import { HASHY_NAME, type Vocab } from './vocab.ts';
import { baseOf, calleeText, clip, field, isLiteral, lastSegment, namedKids, receiverOf, subscriptParts } from './tree.ts';

const LISTY_KINDS = new Set(['list', 'array', 'string', 'deque', 'stack']);

export function findLinear(c: Collected, spec: SyntaxSpec, vocab: Vocab, kindOf: KindOf,
  paramTypes?: ReadonlyMap<string, string>): { facts: LinearCallFacts; scope: Scope }[] {
  const out: { facts: LinearCallFacts; scope: Scope }[] = [];
  const scanned = (name: string | undefined): boolean => {
    if (!name) return false;
    const kind = kindOf(name);
    return kind ? LISTY_KINDS.has(kind) : !HASHY_NAME.test(name);
  };
  // `v in rows[r]` where `rows = [set() for _ in range(9)]`: the element is a set.
  const hashedElements = (n: Node): boolean => {
    const sub = subscriptParts(n, spec);
    const base = sub ? baseOf(sub.object, spec) : undefined;
    return !!base && c.assigns.some((a) => a.name === base && a.value !== null &&
      /^\[\s*(set|dict|defaultdict|Counter|frozenset)\(|^\[\s*\{\s*\}|^\[\s*(set|dict)\(\)\s*\]\s*\*|^new\s+\w*(Set|Map)/.test(a.value.text));
  };
  const linkedLists = new Set([...c.assigns.filter((a) => /^LinkedList\b/.test(a.typeText ?? '')).map((a) => a.name),
    ...[...(paramTypes ?? [])].filter(([, t]) => /^LinkedList\b/.test(t)).map(([n]) => n)]);
  const push = (node: Node, kind: LinearCallFacts['kind'], scope: Scope): void => {
    out.push({ facts: { line: node.startPosition.row + 1, expr: clip(node.text, 80), kind }, scope });
  };
  if (spec.membershipOperator) {
    for (const b of c.binaries) {
      if (!b.scope.loops.length || (b.op !== 'in' && b.op !== 'not in') || !b.right) continue;
      if (isLiteral(b.right, spec) || spec.calls.includes(b.right.type)) continue;
      if (scanned(baseOf(b.right, spec)) && !hashedElements(b.right)) push(b.node, 'membership', b.scope);
    }
  }
  for (const e of c.calls) {
    if (!e.scope.loops.length) continue;
    const recv = e.receiver ? baseOf(e.receiver, spec) : undefined;
    const first = e.args[0] ?? null;
    if (recv && vocab.searchMethods.includes(e.last) && scanned(recv)) push(e.node, 'search', e.scope);
    // `LinkedList.get(i)` walks from an end to i.
    else if (recv && e.last === 'get' && linkedLists.has(recv) && e.args.length === 1) push(e.node, 'search', e.scope);
    else if (recv && vocab.frontMethods.test(e.last) && kindOf(recv) !== 'deque' &&
      (/^(shift|unshift)$/.test(e.last) || first?.text === '0' || /\.begin\(\)$/.test(first?.text ?? '') || insertsInside(e, spec) && scanned(recv))) {
      push(e.node, 'shift', e.scope);
    } else if (vocab.shiftFunctions?.test(e.callee) && scanned(baseOf(first, spec))) push(e.node, 'shift', e.scope);
    else if (vocab.searchFunctions.test(e.callee) && scanned(baseOf(first, spec))) push(e.node, 'search', e.scope);
    else if (vocab.aggregates.test(e.callee) && first && !spec.comprehensions.includes(first.type) &&
      (e.args.length === 1 || first.type === 'spread_element' || /begin\(\)/.test(first.text)) && !isLiteral(first, spec)) {
      if (first.type !== 'identifier' || scanned(first.text)) push(e.node, 'aggregate', e.scope);
    }
  }
  for (const a of c.assigns) {
    if (!a.scope.loops.length || a.viaIndex || kindOf(a.name) !== 'string') continue;
    // `s = s + c` and `result = word + " " + result`: the string built so far is one operand of a `+` chain.
    const selfConcat = a.op === '=' && !!a.value && plusOperands(a.value, spec).some((o) => o.text === a.name);
    // std::string's += appends in place (amortised O(1)); `s = s + c` still copies.
    if ((a.op === '+=' && spec.id !== 'cpp') || selfConcat) push(a.node, 'concat', a.scope);
  }
  for (const a of c.assigns) {
    if (!a.scope.loops.length || a.viaIndex || !a.value) continue;
    const rebuilt = rebuildsFrom(a.value, a.name, spec);
    if (rebuilt) push(a.node, rebuilt, a.scope);
  }
  for (const r of copiedAccumulators(c, spec)) push(r.node, 'copy', r.scope);
  for (const cp of findCopies(c, spec)) if (!out.some((o) => o.facts.line === cp.line)) push(cp.node, 'copy', cp.scope);
  return out.sort((x, y) => x.facts.line - y.facts.line);
}

/** The operands of a chain of `+` (`a + " " + b` → a, " ", b); a value that is no `+` has none. */
function plusOperands(n: Node, spec: SyntaxSpec): Node[] {
  // `result.empty() ? word : word + " " + result`: either branch may rebuild the string.
  if (/ternary|conditional_expression/.test(n.type)) return namedKids(n).slice(1).flatMap((k) => plusOperands(k, spec));
  if (!spec.binaries.includes(n.type) || n.childForFieldName('operator')?.text !== '+') return [];
  const side = (k: Node | null): Node[] => (!k ? [] : plusOperands(k, spec).length ? plusOperands(k, spec) : [k]);
  return [...side(field(n, 'left')), ...side(field(n, 'right'))];
}

/**
 * `out = append([]int{x}, out...)`, `arr = [x, ...arr]`, `res = [x] + res`: the collection is
 * rebuilt with something in front of it, copying all of it on every pass.
 */
function rebuildsFrom(value: Node, name: string, spec: SyntaxSpec): 'shift' | 'copy' | null {
  // `result = result.concat(x)`, `res = res + [x]`: a new list holding all of the old one.
  if (spec.calls.includes(value.type) && lastSegment(calleeText(value)) === 'concat' && baseOf(receiverOf(value), spec) === name) return 'copy';
  if (spec.binaries.includes(value.type) && value.childForFieldName('operator')?.text === '+' &&
    field(value, 'left')?.text === name && isListLiteral(field(value, 'right'))) return 'copy';
  if (prepends(value, name, spec)) return 'shift';
  // `out = [...out, x]`, `out = [...out.slice(0, -1), x]`: a new array with all of the old one, each pass.
  return spreadsSelf(value, name, spec) ? 'copy' : null;
}

function spreadsSelf(value: Node, name: string, spec: SyntaxSpec): boolean {
  if (!/^(array|list)$/.test(value.type)) return false;
  return namedKids(value).some((k) => /^(spread_element|list_splat)$/.test(k.type) && baseOf(namedKids(k)[0] ?? null, spec) === name);
}

function prepends(value: Node, name: string, spec: SyntaxSpec): boolean {
  const spreads = [...value.descendantsOfType(['spread_element', 'variadic_argument', 'list_splat'])]
    .filter((n): n is Node => n !== null && baseOf(namedKids(n)[0] ?? null, spec) === name);
  if (spreads.some((n) => {
    const list = n.parent;
    return list !== null && namedKids(list).findIndex((k) => k.id === n.id) > 0;
  })) return true;
  return spec.binaries.includes(value.type) && value.childForFieldName('operator')?.text === '+' &&
    field(value, 'right')?.text === name && isListLiteral(field(value, 'left'));
}

/**
 * `nums.reduce((acc, x) => [...acc, x], [])`, `{ ...acc, [k]: v }`, `acc.concat(x)`: the callback
 * returns a new copy of everything accumulated so far, once per element.
 */
function copiedAccumulators(c: Collected, spec: SyntaxSpec): { node: Node; scope: Scope }[] {
  const out: { node: Node; scope: Scope }[] = [];
  for (const e of c.calls) {
    const callback = e.args[0];
    const loop = c.loops.find((l) => l.node.id === e.node.id);
    if (!/^(reduce|reduceRight)$/.test(e.last) || !callback || !spec.lambdas.includes(callback.type) || !loop) continue;
    const params = field(callback, 'parameters') ?? field(callback, 'parameter');
    const acc = params?.type === 'identifier' ? params.text : namedKids(params)[0]?.text;
    const body = field(callback, 'body');
    if (!acc || !body) continue;
    const spreads = [...body.descendantsOfType('spread_element')].filter((n): n is Node => n !== null && namedKids(n)[0]?.text === acc);
    const concats = c.calls.filter((x) => x.last === 'concat' && x.receiver?.text === acc && body.startIndex <= x.node.startIndex && x.node.endIndex <= body.endIndex);
    const hit = spreads[0] ?? concats[0]?.node;
    if (hit) out.push({ node: hit, scope: { ...e.scope, loops: [...e.scope.loops, loop] } });
  }
  return out;
}

/**
 * `v.erase(v.begin() + i)`, `a.insert(i, x)`, `list.add(i, x)`, `v.insert(lower_bound(...), x)`: an insert at a position that
 * is not the end moves everything after it, O(n) in the worst case (an index found by binary search
 * lands anywhere). `a.insert(len(a), x)` and `list.add(list.size(), x)` append.
 */
function insertsInside(e: CallEv, spec: SyntaxSpec): boolean {
  // `v.erase(v.begin() + i)`: everything after i moves down.
  if (spec.id === 'cpp' && e.last === 'erase' && e.args.length === 1) return /\bbegin\(\)\s*\+/.test(e.args[0]?.text ?? '');
  if (!/^(insert|add)$/.test(e.last) || e.args.length !== 2) return false;
  const at = e.args[0];
  if (!at || /^(len\(\w+\)|\w+\.(size\(\)|length|end\(\))|-.*)$/.test(at.text)) return false;
  if (spec.id === 'cpp') return /\bbegin\(\)|\b(lower_bound|upper_bound|find)\(/.test(at.text);
  return e.last === 'insert' || spec.id === 'java';
}

const isListLiteral = (n: Node | null): boolean => n !== null && /^(list|array)$/.test(n.type);

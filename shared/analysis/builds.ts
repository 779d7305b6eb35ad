// Collections built from a whole collection: `set(nums)`, `Counter(s)`, `dict(zip(a, b))`,
// `new Set(nums)`, `new HashSet<>(list)`, `Math.max(...arr)`, `set<int> s(v.begin(), v.end())`.
// Each reads every item of its argument once, O(n); into an ordered tree (std::set, TreeSet) every
// insert costs log n, O(n log n). Counted outside loops only, like the other whole-input calls: inside
// a loop the argument may be one word or one row, which the loop around it already pays for.
import type { Node } from 'web-tree-sitter';
import type { Collected, Scope } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { KindOf } from './structures.ts';
import type { Vocab } from './vocab.ts';
import { argsOf, baseOf, field, identifiersIn, isLiteral, isNumber, namedKids } from './tree.ts';

export interface BuildEv {
  line: number;
  scope: Scope;
  ordered: boolean;
  /** `max(nums, key=nums.count)`: the key scans the list once per item, n^2. */
  scansPerItem?: boolean;
}

const PY_BUILDERS = /^(set|frozenset|dict|list|tuple|zip|enumerate|(collections\.)?(Counter|deque|OrderedDict))$/;
const PY_AGGREGATES = /^(max|min)$/;
const JS_BUILDERS = /^(Set|Map|WeakSet|WeakMap)$/;
const JAVA_BUILDERS = /^(Hash|LinkedHash|Tree)(Set|Map)$|^(ArrayList|LinkedList|ArrayDeque|PriorityQueue|Vector|Stack)$/;
const CPP_CONTAINERS = /^(std::)?(vector|string|wstring|deque|list|set|multiset|map|multimap|unordered_set|unordered_map|unordered_multiset|unordered_multimap|priority_queue)\b/;
const COLLECTION_KINDS = new Set(['list', 'array', 'set', 'map', 'deque', 'stack', 'heap', 'string']);
const ITERATOR = /^(std::)?(c|r|cr)?(begin|end)\(|\.(c|r|cr)?(begin|end)\(\)$/;

/** A constant literal (`[1, 2, 3]`, `"abc"`, `5`) holds a fixed number of items. */
function constant(n: Node, spec: SyntaxSpec): boolean {
  if (isLiteral(n, spec)) return true;
  if (/^(list|array|tuple|set|array_initializer|initializer_list)$/.test(n.type)) {
    return !n.descendantsOfType(['spread_element', 'list_splat']).some((x) => x !== null) && identifiersIn(n).size === 0;
  }
  return false;
}

/** `range(5)` is constant, `range(n)` is not. */
function constantRange(n: Node, spec: SyntaxSpec): boolean {
  return n.type === 'call' && field(n, 'function')?.text === 'range' && argsOf(n).every((a) => isNumber(a, spec));
}

export function findBuilds(c: Collected, spec: SyntaxSpec, vocab: Vocab, kindOf: KindOf): BuildEv[] {
  const out: BuildEv[] = [];
  const push = (node: Node, scope: Scope, ordered = false): void => {
    if (!scope.loops.length) out.push({ line: node.startPosition.row + 1, scope, ordered });
  };
  // Java's `new ArrayList<>(n)` takes a capacity: only a name known to hold a collection, or a call
  // (`Arrays.asList(arr)`, `map.values()`), is copied.
  const holdsItems = (a: Node): boolean => {
    if (spec.calls.includes(a.type)) return true;
    const base = baseOf(a, spec);
    const kind = base ? kindOf(base) : undefined;
    return kind !== undefined && COLLECTION_KINDS.has(kind);
  };
  // Untyped parameters (Python, JS, Go's inferred locals) may hold a collection: only a known scalar is excluded.
  const holdsItemsOrUnknown = (a: Node): boolean => {
    const base = baseOf(a, spec);
    const kind = base ? kindOf(base) : undefined;
    return kind === undefined || COLLECTION_KINDS.has(kind);
  };
  for (const e of c.calls) {
    const key = e.args.find((a) => a.type === 'keyword_argument' && /^key\s*=/.test(a.text));
    const scan = key ? /=\s*(\w+)\.(count|index)\s*$/.exec(key.text) : null;
    if (scan && !e.scope.loops.length && (kindOf(scan[1] ?? '') === undefined || COLLECTION_KINDS.has(kindOf(scan[1] ?? '') ?? '')) &&
      kindOf(scan[1] ?? '') !== 'map' && kindOf(scan[1] ?? '') !== 'set') {
      out.push({ line: e.node.startPosition.row + 1, scope: e.scope, ordered: false, scansPerItem: true });
      continue;
    }
    const args = e.args.filter((a) => a.type !== 'keyword_argument');
    const first = args[0];
    if (!first || constant(first, spec) || constantRange(first, spec) || spec.lambdas.includes(first.type)) continue;
    if (spec.id === 'python' && PY_BUILDERS.test(e.callee)) push(e.node, e.scope);
    else if (spec.id === 'python' && PY_AGGREGATES.test(e.callee) && args.length === 1) push(e.node, e.scope);
    // `Math.max(...arr)`: the spread passes every item as an argument; `slices.Max(nums)`,
    // `Collections.max(list)`: one collection argument.
    else if (vocab.aggregates.test(e.callee) && (first.type === 'spread_element' || (args.length === 1 && holdsItemsOrUnknown(first)))) push(e.node, e.scope);
  }
  for (const n of c.news) {
    const ctor = (field(n.node, 'constructor') ?? field(n.node, 'type'))?.text.replace(/<.*$/s, '') ?? '';
    const first = argsOf(n.node)[0];
    if (!first || constant(first, spec) || spec.lambdas.includes(first.type)) continue;
    if (JS_BUILDERS.test(ctor)) push(n.node, n.scope);
    else if (JAVA_BUILDERS.test(ctor) && holdsItems(first)) push(n.node, n.scope, vocab.orderedTypes.test(ctor));
  }
  if (spec.id === 'cpp') {
    // `set<int> s(v.begin(), v.end())`, `string r(s.rbegin(), s.rend())`, `vector<int> c(v)`.
    for (const a of c.assigns) {
      if (!a.declared || a.value?.type !== 'argument_list' || !a.typeText || !CPP_CONTAINERS.test(a.typeText)) continue;
      const args = namedKids(a.value);
      const range = args.length === 2 && args.every((x) => ITERATOR.test(x.text));
      const copy = args.length === 1 && args[0] !== undefined && holdsItems(args[0]) && !spec.calls.includes(args[0].type);
      if (range || copy) push(a.node, a.scope, vocab.orderedTypes.test(a.typeText));
    }
  }
  return out;
}

// Starting values chosen to be beaten (INTERVIEWING.md, "initial value"): `Integer.MAX_VALUE`,
// `float('inf')`, `math.MaxInt`, `INT_MAX`, `Infinity`, or the first element `nums[0]`. Asking why
// that start, and what comes back for empty input, reveals whether the candidate chose it.
import type { Collected } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { RunningFacts, SentinelFacts } from './types.ts';
import type { Node } from 'web-tree-sitter';
import { argsOf, baseOf, calleeText, clip, identifiersIn, isIdent, lastSegment, namedKids, subscriptParts } from './tree.ts';

// The largest value of a type, or positive infinity, as each language writes it.
const HIGH = /\b(?:MAX_VALUE|POSITIVE_INFINITY|MAX_SAFE_INTEGER|Infinity|maxsize|MaxInt(?:8|16|32|64)?|MaxUint(?:8|16|32|64)?|MaxFloat(?:32|64)|INT_MAX|LONG_MAX|LLONG_MAX|UINT_MAX|INT32_MAX|INT64_MAX|FLT_MAX|DBL_MAX)\b|\binf\b|float\(\s*['"]\+?inf(?:inity)?['"]\s*\)|Inf\(\s*1\s*\)|numeric_limits<[^>]*>::(?:max|infinity)\(\)/;
// The smallest value of a type, or negative infinity.
const LOW = /\b(?:MIN_VALUE|NEGATIVE_INFINITY|MIN_SAFE_INTEGER|MinInt(?:8|16|32|64)?|INT_MIN|LONG_MIN|LLONG_MIN|INT32_MIN|INT64_MIN)\b|float\(\s*['"]-inf(?:inity)?['"]\s*\)|Inf\(\s*-1\s*\)|numeric_limits<[^>]*>::(?:min|lowest)\(\)/;
// A lone sentinel, possibly negated or cast: `-Infinity`, `(long) Integer.MAX_VALUE`, `-math.inf`.
const LONE = /^\s*(-)?\s*(?:\(\s*[\w:<> ]+\s*\)\s*)?([\w.:<>()'"+\- ]+?)\s*$/;
const FIRST = /^(\w+)\s*(?:\[\s*0\s*\]|\.get\(\s*0\s*\)|\.front\(\)|\.at\(\s*0\s*\)|\.first\(\)|\.getFirst\(\))$/;
const FILLS = /^(?:(?:java\.util\.)?Arrays\.fill|std::fill|fill)$/;

function sentinelKind(text: string): 'max' | 'min' | null {
  const m = LONE.exec(text);
  if (!m) return null;
  const core = m[2] ?? '';
  const high = HIGH.test(core) && !LOW.test(core);
  const low = LOW.test(core);
  if (!high && !low) return null;
  // A sentinel must be the whole value: `x = INT_MAX - 1` is arithmetic, not a start.
  const leftover = core.replace(LOW, '').replace(HIGH, '').replace(/\b(?:Integer|Long|Short|Double|Float|Number|math|Math|sys|std|float|int)\b|[.:()'"\s]/g, '');
  if (leftover.length) return null;
  return (high !== !!m[1]) ? 'max' : 'min';
}

const TOKEN = /-?\s*(?:(?:Integer|Long|Short|Double|Float|Number|math|Math|sys|std::)?\.?(?:numeric_limits<[^>]*>::\w+\(\)|MAX_VALUE|MIN_VALUE|POSITIVE_INFINITY|NEGATIVE_INFINITY|MAX_SAFE_INTEGER|MIN_SAFE_INTEGER|Infinity|maxsize|inf|Inf\(\s*-?1\s*\)|Max\w+|Min\w+|INT_MAX|INT_MIN|LONG_MAX|LONG_MIN|LLONG_MAX|LLONG_MIN)|float\(\s*['"][+-]?inf(?:inity)?['"]\s*\))/;

/** Sentinel inside a table's initialiser: `[float('inf')] * n`, `Array(n).fill(Infinity)`, `(n, INT_MAX)`. */
// A value that builds a table: a list literal or repetition, `Array(n).fill(...)`, C++'s `(n, INT_MAX)`.
const TABLE = /^\s*\[|\]\s*\*|\bArray\s*\(|\.fill\s*\(|^\s*\(\s*[^,()]+(?:\([^()]*\))?\s*,|\bvector\s*<|^\s*\{/;

function fillKind(text: string): { kind: 'max' | 'min'; token: string } | null {
  if (!TABLE.test(text)) return null;
  const token = TOKEN.exec(text)?.[0]?.replace(/\s+/g, '') ?? '';
  const kind = token ? sentinelKind(token) : null;
  return kind ? { kind, token } : null;
}

const NUMBER = /^-?\d+(\.\d+)?[lLfF]?$/;

/** `holders`: variables that keep the largest or smallest so far (roles.ts); a plain number start counts for them. */
/**
 * Variables that carry the input's values: for-each variables, and anything assigned from an element
 * (`x`, `nums[i]`, `cur = max(x, cur + x)`). A holder fed from them can meet negative values, so its
 * start at 0 matters; one fed with lengths or indices (`j - i + 1`) cannot.
 */
function elementCarriers(c: Collected, spec: SyntaxSpec): Set<string> {
  const carriers = new Set(c.loops.filter((l) => l.kind === 'foreach').flatMap((l) => l.vars));
  for (const a of c.assigns) if (!a.viaIndex && a.op !== 'foreach' && carries(a.value, carriers, spec)) carriers.add(a.name);
  return carriers;
}

/**
 * The value is built from elements: an element itself, or arithmetic and max/min over elements. What a
 * call returns (`last.get(s[i])`, a stored index) is not an element, whatever its arguments.
 */
function carries(v: Node | null, carriers: Set<string>, spec: SyntaxSpec): boolean {
  if (!v) return false;
  if (isIdent(v)) return carriers.has(v.text);
  if (subscriptParts(v, spec)) return true;
  if (spec.calls.includes(v.type)) {
    return /^(max|min)$/.test(lastSegment(calleeText(v))) && argsOf(v).some((a) => carries(a, carriers, spec));
  }
  return namedKids(v).some((k) => carries(k, carriers, spec));
}

export function findSentinels(c: Collected, spec: SyntaxSpec, params: string[], holders: Set<string> = new Set()): SentinelFacts[] {
  const out = new Map<string, SentinelFacts>();
  const carriers = elementCarriers(c, spec);
  const fedElements = (name: string, after: number): boolean => c.assigns.some((a) => a.name === name && a.line > after && a.value &&
    [...identifiersIn(a.value)].some((id) => id !== name && carriers.has(id)) && carries(a.value, carriers, spec));
  const writes = (name: string, after: number): boolean =>
    c.assigns.some((a) => a.name === name && a.line > after && a.op !== 'foreach');
  for (const a of c.assigns) {
    if (a.viaIndex || (a.op !== '=' && a.op !== ':=') || !a.value || a.scope.loops.length || out.has(a.name)) continue;
    const text = a.value.text;
    const lone = sentinelKind(text);
    if (lone && writes(a.name, a.line)) {
      out.set(a.name, { name: a.name, line: a.line, init: clip(text.trim(), 40), kind: lone });
      continue;
    }
    const first = FIRST.exec(text.trim());
    const sub = subscriptParts(a.value, spec);
    const param = first?.[1] ?? (sub ? baseOf(sub.object, spec) : undefined);
    if (first && param && params.includes(param) && writes(a.name, a.line)) {
      out.set(a.name, { name: a.name, line: a.line, init: clip(text.trim(), 40), kind: 'first' });
      continue;
    }
    if (holders.has(a.name) && NUMBER.test(text.trim()) && fedElements(a.name, a.line)) {
      out.set(a.name, { name: a.name, line: a.line, init: text.trim(), kind: 'literal' });
      continue;
    }
    const fill = fillKind(text);
    if (fill && text.length <= 80) out.set(a.name, { name: a.name, line: a.line, init: fill.token, kind: fill.kind, container: true });
  }
  // `Arrays.fill(dist, Integer.MAX_VALUE)`, `dp.fill(Infinity)`: the table is filled after it is made.
  for (const e of c.calls) {
    if (e.scope.loops.length) continue;
    const viaMethod = e.last === 'fill' && e.receiver !== null && !FILLS.test(e.callee);
    const target = viaMethod ? baseOf(e.receiver, spec) : FILLS.test(e.callee) ? baseOf(e.args[0] ?? null, spec) : undefined;
    const value = viaMethod ? e.args[0] : e.args[e.args.length - 1];
    const kind = value ? sentinelKind(value.text) : null;
    if (target && kind && !out.has(target)) {
      out.set(target, { name: target, line: e.line, init: clip(value?.text.trim() ?? '', 40), kind, container: true });
    }
  }
  return [...out.values()].sort((x, y) => x.line - y.line);
}

// `n + 1`, `len(nums) + 1`, `nums.size() + 1`: a table with one slot more than its input.
const PLUS_ONE = /\+\s*1\b/;

/**
 * Running values worth asking about: a gatherer (running total or product) stored at each index
 * inside a loop, and a table extended from its own earlier entries (a prefix sum or a DP row).
 */
export function findRunning(c: Collected, gatherers: Set<string>): RunningFacts[] {
  const out = new Map<string, RunningFacts>();
  const declared = (name: string) => c.assigns.find((a) => a.name === name && !a.viaIndex);
  for (const a of c.assigns) {
    if (!a.viaIndex || !a.scope.loops.length || !a.value || out.has(a.name)) continue;
    const ids = identifiersIn(a.value);
    const decl = declared(a.name);
    if (ids.has(a.name) && decl && a.op === '=') {
      out.set(a.name, { name: a.name, line: decl.line, at: a.line, kind: 'prefix_table', ...(decl.value && PLUS_ONE.test(decl.value.text) ? { extraSlot: true } : {}) });
      continue;
    }
    const total = [...ids].find((id) => gatherers.has(id) && id !== a.name);
    const d = total ? declared(total) : undefined;
    if (total && d && !out.has(total)) out.set(total, { name: total, line: d.line, at: a.line, kind: 'stored_total' });
  }
  return [...out.values()].sort((x, y) => x.line - y.line);
}

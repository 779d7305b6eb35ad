// What kind of thing a holder holds, read from every value the code assigns it: an element of the
// input (`best = nums[i]`), a computed quantity (`best = max(best, min(h[l], h[r]) * (r - l))`, an
// area, never an element of h), or an index bounding a search (`hi = mid`, `hi = n - 1`, read as
// `nums[hi]`). Naming the wrong kind ("the tallest line", "the biggest value") contradicts the code.
import type { CodeFacts } from './facts.ts';
import { holdingPart, says, type ClaimInput, type ClaimResult } from './said.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LITERAL = /^-?\d+(\.\d+)?[lLfF]?$|^(?:-?\s*)?(?:Infinity|float\(['"]-?inf['"]\)|math\.inf|Integer\.(?:MIN|MAX)_VALUE|INT_(?:MIN|MAX)|Long\.(?:MIN|MAX)_VALUE|math\.MaxInt\w*|math\.MinInt\w*|None|null|nil)$/;

/** `max(v, X)` / `Math.max(X, v)` / `std::max(v, X)` → X: the candidate the holder keeps. */
function candidate(rhs: string, v: string): string {
  const m = new RegExp(`^(?:[\\w.:]*\\b)?(?:max|min)\\s*\\(\\s*(.+)\\s*\\)$`).exec(rhs.trim());
  if (!m) return rhs.trim();
  const inner = m[1];
  const own = new RegExp(`^\\s*${esc(v)}\\s*,\\s*|\\s*,\\s*${esc(v)}\\s*$`);
  return own.test(inner) ? inner.replace(own, '').trim() : rhs.trim();
}

/** 'element' when every assigned value is a subscript of a collection, 'computed' when each is arithmetic on other values. */
export function valueKind(f: CodeFacts, v: string): 'element' | 'computed' | null {
  const values = (f.writes.get(v) ?? []).map((w) => candidate(w, v)).filter((x) => !LITERAL.test(x.replace(/\s+/g, '')));
  if (!values.length) return null;
  if (values.every((x) => /^\w+\s*\[[^\]]+\]$/.test(x))) return 'element';
  const computed = (x: string) => !new RegExp(`(?<![\\w.])${esc(v)}(?!\\w)`).test(x) && (/\*|\/|(?<!\[[^\]]*)\s[+-]\s|\blen\(|\.size\(\)|\.length\b/.test(x.replace(/\[[^\]]*\]/g, '[]')));
  if (values.every(computed)) return 'computed';
  return null;
}

/** An index bounding a search: every value assigned is an index expression (mid, mid ± 1, n - 1, 0) and it is used as a subscript. */
export function indexBound(body: string, writes: Map<string, string[]>, v: string): boolean {
  if (!new RegExp(`\\w\\s*\\[\\s*${esc(v)}\\s*[\\]+-]`).test(body)) return false;
  const values = (writes.get(v) ?? []).map((x) => x.trim()).filter((x) => !/^\d+$/.test(x));
  const mid = (w: string) => (writes.get(w) ?? []).some((x) => /\/\s*2\b|>>\s*1\b|\/\/\s*2\b/.test(x));
  const isIndex = (x: string) => /(?:\.length|\blen\(\s*\w+\s*\)|\.size\(\)|\.count)\s*-\s*1$/.test(x)
    || (/^\(\w+\)\s*\w+(?:\.size\(\)|\.length)\s*-\s*1$/.test(x))
    || (() => { const m = /^(\w+)(?:\s*[+-]\s*1)?$/.exec(x); return !!m && mid(m[1]); })();
  return values.length > 0 && values.some((x) => mid(/^(\w+)/.exec(x)?.[1] ?? '')) && values.every(isIndex);
}

const SUPER = '(?:tallest|largest|biggest|highest|greatest|smallest|lowest|shortest|maximum|minimum|max|min)';
const COMPUTED_WORDS = ['area', 'product', 'times', 'width', 'sum', 'total', 'difference', 'distance', 'count', 'multipl', 'water', 'profit', 'length of'];

export function kindClaims(i: ClaimInput): ClaimResult {
  const { t, facts: f, e } = i;
  const v = e.variable;
  if (!v) return {};
  const held = holdingPart(t);
  if (indexBound(f.body, f.writes, v)) {
    const valueSaid = new RegExp(`\\b${SUPER}\\s+(value|number|element)\\b|\\bholds? the (value|element|number)\\b`).test(held) && !says(t, ['index', 'indices', 'position']);
    if (valueSaid) return { contradiction: `${v} is an index (it is assigned ${(f.writes.get(v) ?? []).join(' / ')} and read as a subscript), a bound of the search range, not a value of the array.` };
    if (says(t, ['index', 'position']) && says(t, ['range', 'end', 'edge', 'bound', 'window', 'half', 'side'])) {
      return { right: `says ${v} is an index bounding the search range`, complete: says(t, ['==', 'equal', 'meet', 'same', 'minimum', 'smallest', 'answer', 'after the loop', 'when the loop ends', 'converge']) };
    }
    return {};
  }
  const kind = valueKind(f, v);
  if (kind === 'computed') {
    const element = new RegExp(`\\b${SUPER}\\s+(line|element|height|item|entry|bar|number in|value in|value of the (array|list|input))\\b|\\b(an|one) (element|item|entry) (of|in|from)\\b|\\bone of the (elements|numbers|values|lines|heights)\\b`).test(held);
    if (element && !says(held, COMPUTED_WORDS)) {
      const expr = candidate((f.writes.get(v) ?? []).find((w) => !LITERAL.test(w.trim())) ?? '', v);
      return { contradiction: `${v} is only ever assigned a computed value (${expr}), not an element of the input, so it does not hold the ${/\b(tallest|largest|biggest|highest|greatest|maximum|max)\b/.test(held) ? 'largest' : 'smallest'} element.` };
    }
  }
  if (kind === 'element' && says(held, ['area', 'product', 'difference', 'sum of', 'total of'])) {
    return { contradiction: `${v} is only ever assigned an element of the input (${(f.writes.get(v) ?? [])[0]}), never a computed quantity.` };
  }
  return {};
}

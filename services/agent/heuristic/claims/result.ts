// Claims about what a function returns and does: the kind of result (true/false, a difference, a
// position, a collection) read from the returned expression, operations the code never performs,
// and which element wins a tie.
import { returnsVar, type CodeFacts } from './facts.ts';
import { says, type ClaimInput, type ClaimResult } from './said.ts';
import { hasIdentifier } from '../text.ts';

function returnKind(f: CodeFacts): 'boolean' | 'difference' | 'count' | 'collection' | 'index' | 'value' | null {
  if (!f.returns.length) return null;
  const rs = f.returns.filter((r) => !/^-?\d+$|^\[\]$|^\{\}$/.test(r));
  if (rs.length && rs.every((r) => /^(true|false|True|False)$|===?|!==?|<=?|>=?|\bnot\b|^!/.test(r))) return 'boolean';
  // `return expected - sum`: the result is a difference of two values.
  if (rs.length && rs.every((r) => /^\(?\s*\w+\s*-\s*\w+\s*\)?$/.test(r))) return 'difference';
  const v = rs.map((r) => r.replace(/[()\s]/g, '')).find((r) => /^\w+$/.test(r));
  if (v) {
    const writes = f.writes.get(v) ?? [];
    if (f.pushes.has(v) || f.entries.has(v)) return 'collection';
    const steppers = (f.fn?.loops ?? []).map((l) => l.variable).filter((x): x is string => !!x);
    // A loop's position variable returned from inside the loop: `for i, ch in enumerate(s)`, `for i, x := range`, `for (let i = 0; …)`.
    const e = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`for\\s+${e}\\s*,\\s*\\w+\\s+in\\s+enumerate\\(|for\\s+${e}\\s*,\\s*\\w+\\s*:=\\s*range\\b|for\\s*\\(\\s*(?:let|var|int|size_t|auto|long)?\\s*${e}\\s*=|for\\s+${e}\\s+in\\s+range\\(|for\\s+${e}\\s*:=\\s*0\\b`).test(f.body)) return 'index';
    // `count++` is not a recorded write: a variable only ever incremented is a count, not a position.
    if (new RegExp(`\\b${e}\\s*\\+\\+|\\+\\+\\s*${e}\\b|\\b${e}\\s*\\+=\\s*1\\b`).test(f.body)) return 'count';
    if (writes.length && writes.every((w) => /^-?1$|^0$/.test(w) || steppers.includes(w.trim()))) return 'index';
    if (writes.some((w) => /\w\s*-\s*\w/.test(w)) && !writes.some((w) => /\+\s*\d|\+\+/.test(w))) return 'difference';
    if (writes.some((w) => new RegExp(`${v}\\s*\\+\\s*1\\b`).test(w))) return 'count';
  }
  return 'value';
}

const ELEMENT_CLAIM = /\b(highest|largest|biggest|maximum|max|lowest|smallest|minimum|min)\s+(price|value|element|number|item|one)\b/;

export function purposeClaims(i: ClaimInput): ClaimResult {
  const { facts: f, t } = i;
  const kind = returnKind(f);
  // "returns minPrice": a variable named as the result that the function never returns.
  for (const [name] of f.writes) {
    if (name.length < 3 || !hasIdentifier(i.raw, name) || returnsVar(f, name)) continue;
    if (proseWord(t, name)) continue;
    if (new RegExp(`\\breturns?\\b[^.]{0,40}\\b${name.toLowerCase()}\\b`).test(t) && f.returns.length && !f.returns.some((r) => r.includes(name))) {
      return { contradiction: `${f.fn?.name ?? 'The function'} never returns ${name}; it returns ${f.returns[0]}.` };
    }
  }
  const op = operationClaim(i);
  if (op.contradiction) return op;
  const numeric = numericClaims(i);
  if (numeric.contradiction) return numeric;
  // Narration ("first it sets…, then it loops…, then…") is not a purpose, whatever words it uses.
  if ((t.match(/\b(then|next|after that|first)\b/g) ?? []).length >= 3) return {};
  if (kind && kind !== 'value' && ELEMENT_CLAIM.test(t) && !says(t, ['profit', 'difference', 'gain', 'sum', 'length', 'count', 'number of', 'index', 'position', 'where', 'frequenc'])) {
    return { contradiction: `It returns ${kind === 'boolean' ? 'true or false' : kind === 'index' ? 'a position (an index)' : `a ${kind}`} (${f.returns[0]}), not one of the input's elements.` };
  }
  if (kind === 'index') {
    const tie = tieClaim(i);
    if (tie.contradiction) return tie;
    if (says(t, ['count of', 'number of', 'how many']) && !says(t, ['index', 'position'])) return { contradiction: `It returns a position (${f.returns[0]}), not a count.` };
    // Returning the first element whose count is exactly 1 picks a unique one, not the most frequent.
    if (/==\s*1\b/.test(f.body) && says(t, ['most frequent', 'most common', 'appears most', 'occurs most', 'the most'])) return { contradiction: 'It looks for a count of exactly 1: the first element that occurs once, not the most frequent one.' };
    if (says(t, ['index', 'position', 'where the', 'where it', 'which index'])) return { right: 'says it returns a position', complete: says(t, ['-1', 'empty', 'not found', 'none', 'no element']) };
  }
  if (kind === 'boolean') {
    if (/\breturns?\s+(?:the\s+|a\s+)?(?:number|count|amount|total|how many)\b/.test(t)) return { contradiction: `${f.fn?.name ?? 'The function'} returns true or false (${f.returns[f.returns.length - 1]}), not a number.` };
    if (says(t, ['count', 'counts', 'number of']) && !/\+\+|\+=\s*1\b|-=\s*1\b|--/.test(f.body)) {
      return { contradiction: 'The code never counts anything: it matches each closer against what it stored, so order matters, not only the totals.' };
    }
    if (says(t, ['removes', 'deletes', 'what is left', 'returns the string', 'returns a string', 'returns a list'])) {
      return { contradiction: `${f.fn?.name ?? 'The function'} returns true or false (${f.returns[f.returns.length - 1]}), it does not build a new value.` };
    }
    if (says(t, ['whether', 'true if', 'true when', 'checks if', 'checks whether', 'checks that', 'tells you if', 'reports whether', 'valid', 'balanced', 'matched', 'true or false', 'validates'])) {
      return { right: 'says what the true/false result means' };
    }
  }
  const grouped = groupedClaims(i);
  if (grouped.contradiction || grouped.right) return grouped;
  if (numeric.right) return numeric;
  if (kind === 'difference') {
    if (/\breturns? the (sum|total)\b/.test(t) && !says(t, ['difference', 'minus', 'subtract', 'missing', 'expected'])) return { contradiction: `It returns a difference (${f.returns[0]}), not a sum.` };
    const ordered = says(t, ['later', 'after', 'then sell', 'before', 'so far', 'following', 'buy then', 'buying on one day', 'buy-then-sell', 'buying then', 'one buy followed']);
    if (!ordered && /\bdifference between the (biggest|largest|highest|max\w*) and the (smallest|lowest|min\w*)\b/.test(t)) {
      return { contradiction: 'The largest minus the smallest ignores the order: the low price must come before the high one, which the running minimum enforces.', misconception: true };
    }
    if (says(t, ['profit', 'gain', 'difference', 'buy', 'sell'])) return { right: 'says the result is a difference (a profit)', complete: ordered };
  }
  return {};
}

/** Operations the answer says the function performs that the code never does (sorting, copying, removing). */
function operationClaim(i: ClaimInput): ClaimResult {
  const { t, facts: f } = i;
  const name = f.fn?.name ?? 'The function';
  // "Sorts the words into groups" is grouping, said loosely.
  if (says(t, ['sorts', 'sorting the', 'sorted copy', 'sorted by', 'in sorted order']) && !/\bsorts?\b[^.]{0,25}\binto\b/.test(t) && !f.fn?.sortCalls.length && !/\bsort/i.test(f.body)) return { contradiction: `${name} never sorts anything.` };
  if (says(t, ['removes', 'deletes']) && !/\b(remove|delete|del|pop|splice|erase|filter|discard)\b/.test(f.body)) return { contradiction: `${name} never removes anything.` };
  // A literal listing both cases ("aeiouAEIOU") or a case fold means case is handled.
  const bothCases = /["'][^"'\n]*[a-z][^"'\n]*[A-Z][^"'\n]*["']|["'][^"'\n]*[A-Z][^"'\n]*[a-z][^"'\n]*["']|tolower|toupper|\.lower\(|\.upper\(|toLowerCase|toUpperCase|equalsIgnoreCase/.test(f.body);
  if (bothCases && says(t, ['only the lowercase', 'only lowercase', 'only the uppercase', 'only uppercase', 'case-sensitive', 'case sensitive', "uppercase letters aren't", 'ignores uppercase'])) return { contradiction: `${name} handles both upper and lower case.` };
  return {};
}

/** Which element wins a tie, from the strictness of the comparison that updates the holder. */
function tieClaim(i: ClaimInput): ClaimResult {
  const { t, facts: f } = i;
  if (!says(t, ['duplicate', 'duplicates', 'ties', 'tie', 'equal'])) return {};
  const strict = /[^<>=!]<(?!=)|[^<>=-]>(?!=)/.test(f.body.replace(/<[\w\s,]*>/g, ''));
  const loose = /<=|>=/.test(f.body);
  if (strict && !loose && says(t, ['last'])) return { contradiction: 'The comparison is strict, so an equal later element never replaces the first: ties keep the first.' };
  if (loose && !strict && says(t, ['first'])) return { contradiction: 'The comparison allows equality, so a later equal element replaces the earlier one: ties keep the last.' };
  return {};
}

/** "the number of ways", "ways to decode": a variable named like an everyday word, used as the word. */
export function proseWord(t: string, name: string): boolean {
  if (!/^[a-z]+$/.test(name)) return false;
  return new RegExp(`\\b(number of|count of|how many|all the|many)\\s+${name}\\b|\\b${name}\\s+(to|of|that|which|in which)\\b`).test(t);
}

/** The returned variable only ever holds numbers: started at a number, assigned from numeric names or sums. */
export function numericReturn(f: CodeFacts): boolean {
  const v = f.returns.map((r) => r.replace(/[()\s]/g, '')).find((r) => /^[A-Za-z_]\w*$/.test(r));
  if (!v || f.returns.length > 1 || f.pushes.has(v) || f.entries.has(v)) return false;
  const writes = f.writes.get(v) ?? [];
  return writes.some((w) => /^-?\d/.test(w.trim())) && writes.every((w) => /^[\w\s,.+\-*%]+$/.test(w) && !/\b(true|false|True|False|None|null|nil)\b/.test(w));
}

/** A function whose result is a number: it does not build text or answer yes/no. */
function numericClaims(i: ClaimInput): ClaimResult {
  const { t, facts: f } = i;
  if (!numericReturn(f)) return {};
  const name = f.fn?.name ?? 'The function';
  if (/\breturns?\s+(the\s+|a\s+|an\s+)?(\w+\s+)?(text|string|strings|word|words|letters|list|array)\b/.test(t)) return { contradiction: `${name} returns a number (${f.returns[0]}), not text or a collection.` };
  if (/\b(checks?|tests?|tells you)\s+(whether|if)\b|\breturns?\s+(true|false)\b|\btrue (if|when)\b/.test(t) && !says(t, ['number of', 'how many', 'count'])) {
    return { contradiction: `${name} returns a number (${f.returns[0]}), not true or false.` };
  }
  if (says(t, ['number of', 'how many', 'counts', 'count of', 'the count']) && !says(t, ['largest', 'maximum', 'smallest', 'minimum', 'longest', 'shortest'])) return { right: 'says it returns a count' };
  return {};
}

/** A returned map whose values are lists the loop pushes to: groups of items per key, not counts or one item. */
function groupedClaims(i: ClaimInput): ClaimResult {
  const { t, facts: f } = i;
  const v = f.returns.map((r) => r.replace(/[()\s]/g, '')).find((r) => /^\w+$/.test(r));
  if (!v) return {};
  const e = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lists = (f.entries.get(v) ?? []).some((x) => f.pushes.has(x.trim()) || /^\[.*\]$/.test(x.trim()))
    || new RegExp(`\\b${e}\\s*(?:\\[[^\\n=]*\\]|\\.(?:setdefault|computeIfAbsent)\\([^\\n]*\\))\\s*\\.\\s*(?:append|push|add|push_back)\\(`).test(f.body);
  if (!lists) return {};
  const name = f.fn?.name ?? 'The function';
  if (says(t, ['counts', 'how many', 'number of', 'count of'])) return { contradiction: `${name} returns ${v}, which keeps the items themselves in a list per key, not a count.` };
  if (/\breturns? the (longest|shortest|largest|smallest|biggest|first|last|most)\b/.test(t)) return { contradiction: `${name} returns a map of groups (${v}), not a single item.` };
  if (says(t, ['groups', 'grouped', 'group by', 'groups them', 'buckets', 'map from', 'maps each', 'by their', 'for each length', 'per key'])) return { right: `says ${name} groups the items by key`, complete: says(t, ['map', 'list', 'lists', 'dictionary', 'dict']) };
  return {};
}

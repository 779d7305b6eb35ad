// Claims about what a variable holds: what is pushed into a container (the expected closers, not the
// opening brackets), what a map keeps under each key (a count per word), and the job of a holder
// (the best sum ending here, not the overall answer).
import { readsItself, returnsVar, type CodeFacts } from './facts.ts';
import { holdingPart, says, type ClaimInput, type ClaimResult } from './said.ts';

const BRACKET_OPEN = /^[([{<]$/;
const BRACKET_CLOSE = /^[)\]}>]$/;

/** What a container holds, from what is pushed into it: 'closers' / 'openers' when brackets decide it. */
function pushedBrackets(f: CodeFacts, name: string): 'openers' | 'closers' | null {
  for (const expr of f.pushes.get(name) ?? []) {
    const lookup = /^(\w+)\s*\[/.exec(expr.trim());
    const lit = lookup ? f.literals.get(lookup[1]) : undefined;
    if (lit) {
      if (lit.values.every((v) => BRACKET_CLOSE.test(v))) return 'closers';
      if (lit.values.every((v) => BRACKET_OPEN.test(v))) return 'openers';
    }
    // Pushing the loop's own character in a branch for opening brackets.
    if (/^\w+$/.test(expr.trim()) && /case\s*'[([{]'|['"][([{]['"]/.test(f.body)) {
      const lits = [...f.literals.values()];
      if (lits.some((l) => l.keys.every((k) => BRACKET_CLOSE.test(k)))) return 'openers';
    }
  }
  return null;
}

/** A map written under keys: what its values are (a count per key, an index, a list) decides what it holds. */
function mapRole(i: ClaimInput, v: string): ClaimResult {
  const { t, facts: f } = i;
  const values = f.entries.get(v) ?? [];
  const counts = values.some((x) => /\+\s*1\b|\+\s*\d|getOrDefault\([^)]*\)\s*\+|\.get\([^)]*\)\s*\+|Integer::sum/.test(x));
  if (says(t, ['only the last', 'just the last', 'the last word', 'the last key'])) return { contradiction: `${v} keeps an entry for every key seen, not only the last one.` };
  if (says(t, ['list of', 'in the order', 'array of']) && !says(t, ['count', 'frequenc', 'occurrence', 'how many'])) return { contradiction: `${v} is a map from each key to its value, not a list.`, misconception: true };
  if (counts) {
    if (says(t, ['total number', 'total count', 'one number', 'single number'])) return { contradiction: `${v} keeps a separate count for each distinct key, not one total.` };
    if (says(t, ['length of each', 'lengths', 'how long'])) return { contradiction: `${v} counts how many times each key occurs; it never stores a length.` };
    if (says(t, ['count', 'counts', 'frequenc', 'frequency', 'frequencies', 'occurrence', 'occurs', 'how many times', 'number of times', 'tally', 'counter', 'histogram'])) {
      return { right: `says ${v} counts each key`, complete: says(t, ['each', 'every', 'per', 'distinct', '->', 'map', 'dictionary', 'dict', 'table']) && says(t, ['end', 'after the loop', 'returned', 'returns', 'full', 'final', 'when the loop']) };
    }
  }
  return {};
}

export function roleClaims(i: ClaimInput): ClaimResult {
  const { facts: f, t, e } = i;
  const v = e.variable;
  if (!v) return {};
  if (f.entries.has(v) && !f.pushes.has(v)) return mapRole(i, v);
  if (f.pushes.has(v)) {
    const holds = pushedBrackets(f, v);
    const held = holdingPart(t);
    const saysOpen = says(held, ['opening bracket', 'opening brackets', 'open brackets', 'opening parenthes', 'openers', 'opening ones', 'open ones', 'left brackets', 'opening characters']);
    const saysClose = says(held, ['closing bracket', 'closing brackets', 'closing character', 'closing characters', 'closers', 'the closer each', 'expected', 'expects', 'waiting for', 'need to close', 'needs to close', 'to be closed', 'matching closing']);
    if (holds === 'closers' && saysOpen && !saysClose) return { contradiction: `${v} holds the closing bracket each opener expects (it pushes ${f.pushes.get(v)?.[0]}), not the opening brackets.` };
    if (holds === 'openers' && saysClose && !saysOpen) return { contradiction: `${v} holds the opening brackets themselves, not the closers.` };
    if (says(t, ['counts', 'count of', 'how many'])) return { contradiction: `${v} is a stack of items, not a count: the order of what it holds is what the check relies on.`, misconception: true };
    if (says(t, ['every character', 'whole string', 'all the characters', 'the last bracket', 'the last character', 'the current character'])) {
      return { contradiction: `${v} only receives what line ${f.fn?.startLine ?? ''} pushes under a condition, and loses items when they are matched.`.replace(' line  ', ' the code ') };
    }
    if (holds && says(t, ['not been matched', "haven't been matched", 'unmatched', 'still open', 'not yet closed', 'need to close', 'still need'])) return { right: `says ${v} holds what is still unmatched`, complete: says(t, ['empty', 'left over', 'leftover', 'is left', 'remaining']) };
    if (holds && (holds === 'closers' ? saysClose : saysOpen)) return { right: `says ${v} holds the ${holds}`, complete: says(t, ['empty', 'left over', 'leftover', 'remaining', 'unclosed', 'unmatched']) };
    // "It holds the spans": what another collection of the function holds, named as this one's.
    const other = [...f.pushes.keys()].find((k) => k !== v && k.length > 2 && new RegExp(`\\b(holds?|stores?|keeps?|contains?)\\s+(the\\s+|all the\\s+)?${k.toLowerCase()}s?\\b`).test(t));
    if (!holds && other) return { contradiction: `${other} is a different collection; ${v} holds what the code pushes into it (${f.pushes.get(v)?.[0]}).` };
    if (!holds) return windowRole(i, v);
    return {};
  }
  const writes = f.writes.get(v) ?? [];
  const self = readsItself(f, v);
  const endingHere = writes.some((w) => new RegExp(`max\\w*\\(\\s*([^,]+),\\s*${v}\\s*\\+\\s*\\1\\s*\\)|max\\w*\\(\\s*${v}\\s*\\+\\s*([^,]+),\\s*\\2\\s*\\)`).test(w.replace(/\s+/g, ' ')));
  const returned = returnsVar(f, v);
  const other = [...f.writes.keys()].find((k) => k !== v && returnsVar(f, k));
  if (!returned && other && (says(t, ['whole array', 'entire array', 'overall', 'what gets returned', 'is returned', 'the answer', 'final answer'], [other]) || /\bmaximum subarray sum of the (whole|entire)\b/.test(t))) {
    return { contradiction: `${v} is not what ${f.fn?.name ?? 'the function'} returns: ${other} is, and ${v} only covers ${endingHere ? 'subarrays ending at the current index' : 'the current step'}.` };
  }
  if (other && new RegExp(`\\b(always|the same as|equal to|equals)\\b[^.]{0,20}\\b${other.toLowerCase()}\\b`).test(t)) {
    return { contradiction: `${v} and ${other} are updated differently, so they can differ after the loop.` };
  }
  if (self && says(t, ['current element', 'current value', 'the element', 'nums[i]', 'current number', 'current item'])
    && !says(t, ['sum', 'total', 'ending', 'best', 'max'])) {
    return { contradiction: `${v} is computed from its own previous value, so it is more than the current element.` };
  }
  if (endingHere) {
    if (says(t, ['prefix sum', 'total of all', 'sum of all', 'all elements so far'])) return { contradiction: `${v} restarts whenever the running sum would hurt, so it is not a total of everything so far.`, misconception: true };
    if (says(t, ['ending at', 'ending here', 'that ends', 'ends at', 'ending with', 'ends here', 'ending in'])) return { right: `says ${v} is the best sum ending at the current index`, complete: says(t, ['restart', 'start over', 'starts fresh', 'reset', 'extend', 'last element', 'after the loop', 'at the end']) };
  }
  return {};
}

const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A container that also loses items (a deque trimmed from both ends, a heap popped, a window): it
 * holds only the survivors, never "everything seen"; positions pushed (`push(i)`) are indices, not values.
 */
export function windowRole(i: ClaimInput, v: string): ClaimResult {
  const { t, facts: f } = i;
  const removes = new RegExp(`\\b${esc(v)}\\s*\\.\\s*(pop|shift|popleft|pop_front|pop_back|poll|pollFirst|pollLast|removeFirst|removeLast|remove|splice|discard|erase)\\w*\\s*\\(|\\b(heappop|heapq\\.heappop|delete)\\s*\\(?\\s*${esc(v)}\\b`).test(f.body);
  if (!removes) return {};
  const held = holdingPart(t);
  if (says(held, ['all indices', 'all the indices', 'every index', 'all elements', 'all the elements', 'all the numbers', 'all numbers', 'all values', 'all the values', 'everything seen', 'all positions', 'every element', 'everything it has seen', 'every value', 'every number', 'everything in the']) || /\b(?:all|every)\s+(?:the\s+)?[a-z]+s\b(?![^.]{0,15}\b(?:waiting|still|not yet|left|pending|remaining))/.test(held.replace(/\ball the way\b/g, ''))) {
    return { contradiction: `${v} also loses items (the code removes from it), so it holds only some of what was pushed, not everything.` };
  }
  // Only a counting loop's variable is a position (`for (let i = 0; …)`, `range(`, `enumerate`); a for-each variable is an element.
  const counter = (x: string) => new RegExp(`for\\s*\\(\\s*(?:let|var|int|size_t|auto|long)?\\s*${esc(x)}\\s*=|for\\s+${esc(x)}\\s+in\\s+range\\(|for\\s+${esc(x)}\\s*,\\s*\\w+\\s+in\\s+enumerate\\(|for\\s+${esc(x)}\\s*:=\\s*0\\b|for\\s+${esc(x)}\\s*,\\s*\\w+\\s*:=\\s*range\\b`).test(f.body);
  const pushesIndex = (f.pushes.get(v) ?? []).some((p) => /^\w+$/.test(p.trim()) && counter(p.trim()));
  if (pushesIndex && says(held, ['the values', 'the numbers', 'numbers of', 'values of', 'the elements']) && !says(t, ['index', 'indices', 'indexes', 'position', 'positions'])) {
    return { contradiction: `${v} holds positions (it pushes ${f.pushes.get(v)?.[0]}), not the values themselves.` };
  }
  // Removed from the front and never compared by value: a queue of the most recent items, not the largest or smallest.
  const fifo = new RegExp(`\\b${esc(v)}\\s*\\.\\s*(popleft|shift|poll|pollFirst|removeFirst|pop_front)\\s*\\(|\\b${esc(v)}\\s*\\.\\s*pop\\(\\s*0\\s*\\)`).test(f.body);
  const compared = f.body.split('\n').some((l) => /\b(while|if)\b/.test(l) && /[<>]=?/.test(l) && new RegExp(`\\b${esc(v)}\\s*(\\[|\\.\\s*(peek|front|back|top|at)\\b)`).test(l));
  if (fifo && !compared) {
    if (says(held, ['largest', 'smallest', 'biggest', 'maximum', 'minimum', 'highest', 'lowest', 'sorted'])) return { contradiction: `${v} drops its oldest item first and never compares values, so it holds the most recent items, not the largest or smallest.` };
    if (says(t, ['last k', 'most recent', 'latest', 'newest', 'the last', 'recent'], [], true)) {
      return { right: `says ${v} holds the most recent items`, complete: says(t, ['oldest', 'at the end', 'after the loop', 'final', 'fewer', 'shorter', 'popleft', 'drops', 'removed']) };
    }
  }
  const nearer = /\b(previous|earlier|nearest|next|last)\s+(greater|higher|larger|bigger|smaller|lower)\b|\b(greater|higher|larger|bigger|smaller|lower)\s+(than\s+)?(anything|everything|all)\s+(since|after)\b/.test(t);
  if (nearer || says(t, ['current window', 'candidate', 'candidates', 'still in', 'decreasing', 'increasing', 'monotonic', 'only the', 'not yet', 'still', 'pending', 'waiting'])) {
    return { right: `says ${v} keeps only the items still in play`, complete: says(t, ['front', 'first', `${v}[0]`, 'head', 'top', 'nearest', 'single value', 'one value', 'the result', 'the answer', 'after the loop', 'at the end', 'last window', 'end of the loop', 'maximum', 'max', 'minimum', 'min']) };
  }
  return {};
}

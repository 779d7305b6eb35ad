// Claims about what a guard protects against, checked against the guard's own condition and what
// the code does after it. `stack.length < 2` guards against fewer than two items (not merely an
// empty input); the names the condition reads are the ones it protects; what would happen without
// it depends on the language (`pop()` on an empty JavaScript array gives undefined, it never throws).
import { hasAny } from '../text.ts';
import type { CodeFacts } from './facts.ts';
import { NEGATION, says, type ClaimInput, type ClaimResult } from './said.ts';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five'];
const NOT_NAMES = /^(len|and|or|not|true|false|null|None|nil|nullptr|undefined|size|length|empty|isEmpty|is|if|return)$/;
const namesIn = (s: string): string[] => [...new Set(s.match(/[A-Za-z_]\w*/g) ?? [])].filter((v) => !NOT_NAMES.test(v)).map((v) => v.toLowerCase());

export interface GuardFacts {
  cond: string;
  /** names the condition reads */
  names: string[];
  /** `x.length < K`: the guard needs at least K items (1 for an emptiness check) */
  atLeast?: number;
  /** words for what goes wrong without the guard, in this language */
  consequences: string[];
}

/** The minimum count a size check asks for: `len(x) < 2` → 2, `x.empty()` / `not x` / `x.length === 0` → 1. */
function minimumCount(cond: string): number | undefined {
  const c = cond.replace(/\s+/g, ' ').trim();
  const lt = /(?:len\(\w+\)|\w+\.(?:length|size\(\)|Count)|\w+\.len\(\))\s*(<|<=)\s*(\d+)/.exec(c);
  if (lt) return Number(lt[2]) + (lt[1] === '<=' ? 1 : 0);
  if (/(?:len\(\w+\)|\w+\.(?:length|size\(\)))\s*===?\s*0|\.(?:empty|isEmpty)\(\)|^!\s*\w+(?:\.length)?$|^not \w+$/.test(c)) return 1;
  return undefined;
}

export function guardFacts(f: CodeFacts, cond: string): GuardFacts {
  const lang = f.language;
  const js = lang === 'javascript' || lang === 'typescript';
  const pops = /\.(pop|shift)\(\)/.test(f.body);
  const consequences = js ? ['undefined', 'nan'] : lang === 'python' ? ['indexerror', 'pop from empty', 'index out of range']
    : lang === 'java' ? ['emptystackexception', 'nosuchelementexception', 'indexoutofbounds', 'exception'] : lang === 'go' ? ['panic', 'index out of range']
      : lang === 'cpp' ? ['undefined behavio', 'garbage', 'ub'] : [];
  return { cond, names: namesIn(cond), atLeast: minimumCount(cond), consequences: pops || !js ? consequences : ['undefined', 'nan'] };
}

/** Words that say "fewer than K items": "not enough operands", "only one number", "at least two". */
function shortfallSaid(t: string, k: number): boolean {
  const n = [String(k), NUMBER_WORDS[k] ?? ''].filter(Boolean);
  const counts = n.flatMap((x) => [`fewer than ${x}`, `less than ${x}`, `at least ${x}`, `under ${x}`, `without ${x}`, `${x} operands`, `${x} numbers`, `${x} values`, `${x} items`, `${x} elements`]);
  const one = k === 2 ? ['only one', 'just one', 'a single', 'one operand', 'one number', 'one value', 'one element', 'one item'] : [];
  return hasAny(t, [...counts, ...one, 'not enough', 'too few', 'underflow', 'missing operand', 'insufficient']);
}

export function guardClaims(i: ClaimInput): ClaimResult {
  const { t, facts: f, raw } = i;
  const g = guardFacts(f, (i.e.conditionTerms ?? [])[0] ?? '');
  const js = f.language === 'javascript' || f.language === 'typescript';
  const divides = /\/\s*(len\(|\w+\.length|\w+\.size\(\)|count\b|n\b)/.test(f.body);
  if (divides && says(t, ['optimisation', 'optimization', 'would return 0 anyway', 'anyway', 'not needed', 'unnecessary', 'just for speed'], [], true)) {
    return { contradiction: 'Without the guard the division by the length would fail on an empty input; it is not only an optimisation.', misconception: true };
  }
  if (f.language === 'cpp' && says(t, ['out_of_range', 'throw', 'throws', 'exception']) && /\w\[[^\]]+\]/.test(f.body) && !/\.at\(/.test(f.body)) {
    return { contradiction: 'operator[] never throws in C++: reading past the end is undefined behaviour, not an exception.', misconception: true };
  }
  // Indexing past the end of a JavaScript array gives undefined; nothing is thrown.
  if (js && !/\bthrow\b/.test(f.body) && /\b(index out of bounds|out of bounds exception|indexoutofbounds|index out of range|out of range)\b|\b(index|indexing|nums\[\w+\]|\w+\[\w+\])\b[^.]{0,40}\b(throws?|exception)\b/.test(t)) {
    return { contradiction: 'Reading past the end of a JavaScript array gives undefined; nothing throws here, the result is just wrong.', misconception: true };
  }
  // Without the guard the function quietly returns a value that is not an answer (index 0 of an empty array).
  if (js && g.names.length && says(t, ['return 0', 'returns 0', 'returned 0', "doesn't exist", 'does not exist', 'not a valid index', 'invalid index', 'wrong answer', 'wrong result', 'as if index 0'], [], true)) {
    return { right: `names the bogus result \`${g.cond}\` prevents`, complete: says(t, ['empty', 'no elements', 'length 0', 'length is 0']) };
  }
  // pop() and shift() on an empty JavaScript array return undefined; nothing is thrown.
  if (js && /\.(pop|shift)\(\)/.test(f.body) && /\b(pop|popping|shift)\w*\b[^.]{0,60}\b(throws?|exception|raises?|errors? out)\b/.test(t)) {
    return { contradiction: 'pop() on an empty array returns undefined in JavaScript; it never throws, so without the check the arithmetic would quietly give NaN.', misconception: true };
  }
  // A check on a local the loop itself builds (`result.empty()` before `result = word + " " + result`) guards
  // the first item, which has nothing before it to separate from; nothing can fail there.
  const params = new Set((f.fn?.params ?? []).map((x) => x.toLowerCase()));
  const builds = (n: string) => new RegExp(`\\b${n}\\s*(?:\\+=|=\\s*[^;\\n]*\\+\\s*${n}\\b|=\\s*${n}\\s*\\+)|\\b${n}\\s*\\.\\s*(?:push|append|push_back|add)\\(`, 'i').test(f.body);
  const readsBack = (n: string) => new RegExp(`\\b${n}\\s*(?:\\.\\s*(?:pop|shift|top|peek|back|front|get|remove)\\s*\\(|\\[)`, 'i').test(f.body);
  if (g.atLeast === 1 && g.names.length && g.names.every((n) => !params.has(n) && builds(n) && !readsBack(n))) {
    if (says(t, ['crash', 'exception', 'throws', 'error', 'out of range', 'out of bounds', 'past the end', 'empty input', 'invalid input', 'segfault', 'undefined behavio'], [], true)) {
      return { contradiction: `Nothing can fail here: ${g.names[0]} is built by the loop, and \`${g.cond}\` only singles out the first item, which has nothing before it to separate from.` };
    }
    // "Without it the first word would get a space": the counterfactual is the explanation, not a proposal.
    const first = hasAny(t, ['first word', 'first item', 'first element', 'first one', 'first time', 'first iteration', 'first pass', 'nothing before', 'nothing to join']);
    // Said with or without a negation: "so we don't add an extra space" names the same hazard.
    const separator = hasAny(t, ['separator', 'space', 'comma', 'delimiter', 'leading', 'trailing', 'extra']) || /["'][^"']*\s["']/.test(raw);
    if (first || separator) return { right: first && separator ? 'says the check keeps a separator off the first item' : first ? 'says the check singles out the first item' : 'names the stray separator it prevents', complete: first && separator };
  }
  // "checks that tokens has…", "when b is 0": a name the condition does not read is not what it guards.
  // "It doesn't check p" is about what the guard leaves out, not what it reads.
  const checkedAt = /\b(?:checks?|makes sure|ensures?|verif\w+|tests?)\s+(?:that|whether|if)?\s*(?:the\s+)?([a-z_]\w*)/.exec(t);
  const checked = checkedAt && !NEGATION.test(t.slice(Math.max(0, t.lastIndexOf('.', checkedAt.index) + 1), checkedAt.index)) ? checkedAt[1] : undefined;
  const codeNames = new Set([...f.writes.keys(), ...(f.fn?.params ?? [])].map((x) => x.toLowerCase()));
  if (checked && codeNames.has(checked) && g.names.length && !g.names.includes(checked)) {
    return { contradiction: `The condition \`${g.cond}\` reads ${g.names.join(' and ')}, not ${checked}.` };
  }
  const zeroSaid = says(t, ['divide by zero', 'division by zero', 'dividing by zero', 'zerodivisionerror', 'divide by 0', 'division by 0']);
  const divisors = [...f.body.matchAll(/[^/*]\/(?![/*])\s*\(?\s*([^;\n)]+)/g)].flatMap((m) => namesIn(m[1]));
  if (zeroSaid && g.names.length && !divisors.some((d) => g.names.includes(d))) {
    return { contradiction: `The condition \`${g.cond}\` does not test a divisor; ${g.atLeast && g.atLeast >= 2 ? `it checks there are at least ${g.atLeast} items` : 'division by zero is not what it prevents'}.` };
  }
  // An empty input the guard exists for, called harmless.
  if (g.names.length && (i.e.hazardTerms ?? []).includes('empty') && /\bempty\s+(?:\w+\s+)?(?:is|are|would be)\s+(?:fine|ok|okay|harmless|handled)\b/.test(t)) {
    return { contradiction: `\`${g.cond}\` is exactly the empty-input check: an empty input is what it stops.` };
  }
  if (/\b(?:checks?|makes sure|ensures?)\b[^.]{0,30}\b(?:sorted|in order|ascending|descending)\b/.test(t) && !/sort|[<>]/.test(g.cond)) {
    return { contradiction: `\`${g.cond}\` says nothing about order; it does not check that anything is sorted.` };
  }
  const indexError = says(t, ['indexerror', 'index out of range', '[0]']);
  if (indexError && !/\w\[\s*[^\]:\s][^\]:]*\]/.test(f.body) && !/\.pop\(/.test(f.body)) return { contradiction: 'Nothing here is indexed, so there is no IndexError to prevent; the hazard is the division.' };
  if (says(t, ['negative']) && !says(t, ['empty', 'zero', 'division', 'divide', 'none', 'null']) && !(g.atLeast === undefined && /[<>]=?\s*0\b/.test(g.cond))) {
    return { contradiction: 'The condition checks for an empty input, not for negative values.' };
  }
  if (divides && zeroSaid) return { right: 'names the division by zero it prevents', complete: says(t, ['empty', 'no ratings', 'no elements', 'len']) || /\blen\(|length/.test(raw) };
  // A count check: "fewer than two operands" is the hazard itself; an example input or the consequence completes it.
  if (g.atLeast && g.atLeast >= 2 && shortfallSaid(t, g.atLeast)) {
    const example = /\[[^\]]*\]|["'][^"']{1,12}["']/.test(raw) || says(t, ['for example', 'e.g', 'like ', 'such as']);
    return { right: `names the shortfall the check on \`${g.cond}\` catches`, complete: example || hasAny(t, g.consequences) };
  }
  return {};
}

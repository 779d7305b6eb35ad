// Claims in an answer checked against facts from the code (INTERVIEWING.md, "Correctness covers every
// claim"): what the function returns, what a variable holds, how a loop ends, what an empty input
// does, the base case and depth of a recursion, what a call costs. A claim that contradicts the code
// is wrong however many identifiers it names; a right claim earns at least a middle grade.
import { committedClass, toCls } from '../complexity.ts';
import { norm } from '../text.ts';
import { costName } from './cost.ts';
import type { CodeFacts } from './facts.ts';
import { roleClaims } from './holds.ts';
import { purposeClaims } from './result.ts';
import { terminationClaims } from './termination.ts';
import { guardClaims } from './guard.ts';
import { generalRoleClaims } from './roles.ts';
import { kindClaims } from './kind.ts';
import { partClaims } from './parts.ts';
import { raisingLines } from './raises.ts';
import { initialClaims } from './initial.ts';
import { recursionClaims } from './recursion.ts';
import { testingClaims } from './testing.ts';
import { claimsRe, NEGATION, PROPOSAL, says, type ClaimInput, type ClaimResult } from './said.ts';

export type { ClaimInput, ClaimResult } from './said.ts';

function loopBoundClaims(i: ClaimInput): ClaimResult {
  const { t, facts: f } = i;
  if (/(<=|less than or equal)\s*(nums\.length|length|n\b|len)/.test(t) && /\bshould\b|\botherwise\b|\bskip|\bneed(?:ed|s)?\b|\brequired\b|\bhas to\b|\bmust\b|\bto reach\b/.test(t) && !says(t, ['out of range', 'out of bounds', 'past the end', 'panic', 'indexerror'], [], true)) {
    return { contradiction: 'Running to `<= length` would read one past the end; the last valid index is length - 1.' };
  }
  if (says(t, ['skips the first element', 'skips the first', 'misses the first', 'skip the first', 'to skip the first'], [], true)) return { contradiction: 'No element is skipped at the start: the loop starts at the first index.' };
  const offset = offsetRead(i);
  if (offset) return offset;
  const cls = classClaim(i, f);
  if (cls.contradiction) return cls;
  if (i.e.variant === 'loop_bounds.start') {
    // Starting the inner loop lower visits each pair twice: a swap is undone, a count doubled. It never leaves the array.
    if (says(t, ['would be fine', 'would still work', 'still works', 'same result', 'just slower', 'only slower', 'no difference', 'would work too', 'works either way'], [], true)) {
      return { contradiction: 'Starting lower visits every pair twice: the second visit undoes or doubles the first, so the result changes, not only the speed.', misconception: true };
    }
    const startOob = t.split(/[.;]|,\s*(?=and|but)/).some((c) => /\b(out of bounds|out of range|index error|indexerror|out-of-bounds|panic)\b/.test(c) && !/<=|\bn\s*\+\s*1\b|past the end|\bend\b|\blast\b|one more|\bj < n\b/.test(c));
    if (startOob) return { contradiction: 'Starting the inner loop at 0 or at i stays inside the array; the start only decides which pairs are visited, and how often.' };
    const self = says(t, ['itself', 'self-pair', 'self pair', 'same element', 'same index', 'same number', 'diagonal'], [], true);
    const once = says(t, ['twice', 'double count', 'double-count', 'double counting', 'once', 'both orders', 'duplicate pair', 'each pair', 'every pair', 'same pair', 'undo', 'undoes', 'swap back', 'puts everything back', 'cancel'], [], true);
    if (self || once) return { right: 'says why the inner loop starts after i', complete: self && once };
  }
  return {};
}

/** A loop that reads `x[i + 1]` ends one early so the read stays in range: claims about that bound. */
function offsetRead(i: ClaimInput): ClaimResult | null {
  const { t, facts: f } = i;
  const header = (i.e.conditionTerms ?? [])[0] ?? '';
  const v = /for\s*\(?\s*(?:let|var|int|auto|size_t)?\s*(\w+)|for\s+(\w+)\s+in/.exec(header);
  const idx = v?.[1] ?? v?.[2];
  if (!idx || !/-\s*1\b/.test(header) || !new RegExp(`\\[\\s*${idx}\\s*\\+\\s*1\\s*\\]`).test(f.body)) return null;
  if (says(t, ['miss the last element', 'misses the last element', 'skips the last element', 'miss the last item', 'not needed', 'unnecessary', 'remove the - 1', 'should be range(len', 'already excludes', 'would just stop'], [], true)
    && !says(t, ['i + 1', 'out of range', 'out of bounds', 'indexerror'])) {
    return { contradiction: `The last element is still read, as \`[${idx} + 1]\`; one more step would read past the end.`, misconception: says(t, ['already excludes', 'would just stop']) };
  }
  const past = says(t, ['out of range', 'out of bounds', 'indexerror', 'past the end', 'off the end', 'index error', 'beyond the end', 'invalid index', 'valid index']);
  const short = says(t, ['last pair', 'last two', 'final pair', 'miss the last', 'never compared', 'one fewer', 'one less', 'one step less'], [], true);
  if (past || short || says(t, ['next one', 'next element', 'the next', `${idx} + 1`])) return { right: 'explains the bound by the read of the next element', complete: past && short };
  return {};
}

/** A class claimed for the code as it is (outside a proposal sentence) that the code's cost contradicts. */
function classClaim(i: ClaimInput, f: CodeFacts): ClaimResult {
  if (!f.cost) return {};
  const key = toCls(costName(f.cost));
  const claimed = new Set<string>();
  let at = 0;
  for (const sentence of i.t.split(/(?<=[.!?;])\s+/)) {
    const from = i.t.indexOf(sentence, at);
    at = from + sentence.length;
    if (PROPOSAL.test(sentence) || /\b(with|using) an? (set|map|dict|hash)/.test(sentence)) continue;
    // A count written as a formula ("n(n+1)/2" for a sum) is arithmetic, not a complexity claim; only notation or class words are.
    for (const m of i.reading.mentions) {
      if (m.start < from || m.start >= at || !['plain', 'from', 'to'].includes(m.role)) continue;
      if (/^\s*n\s*\(/.test(i.t.slice(m.start, m.end))) continue;
      claimed.add(m.cls);
    }
  }
  if (key && claimed.size && !claimed.has(key)) {
    const said = [...claimed][0];
    return { contradiction: `${f.fn?.name ?? 'The function'} is ${key} as written, not ${said}.`, misconception: true };
  }
  return {};
}

function edgeClaims(i: ClaimInput): ClaimResult {
  const { t, e } = i;
  const o = e.outcome;
  if (!o) return {};
  const throws = says(t, ['throws', 'throw', 'exception', 'raises', 'crashes', 'error']) && !says(t, ['no exception', 'nothing throws', "doesn't throw", 'does not throw', 'no error', "doesn't crash", 'does not crash']);
  if (o.kind === 'value' && throws) return { contradiction: `Nothing is thrown here: ${o.label}.` };
  if (o.kind === 'value' && /nan/.test(o.label.toLowerCase())) {
    if (claimsRe(t, /\breturns? (0|zero)\b/) && !says(t, ['nan'])) return { contradiction: `0 / 0 is NaN, not 0: ${o.label}.` };
    if (says(t, ['infinity']) && !says(t, ['nan'])) return { contradiction: `0 / 0 is NaN, not Infinity: ${o.label}.`, misconception: true };
  }
  if (i.facts.language === 'python' && says(t, ['slice', '[1:]', 'slicing']) && says(t, ['fail', 'fails', 'error', 'out of range', 'raise', 'crash', 'throws']) && !says(t, [...o.terms, 'nums[0]', '[0]'])) {
    return { contradiction: 'Slicing never raises in Python (an empty slice is just empty); the failure is the indexing.', misconception: true };
  }
  if (o.kind === 'raises' && claimsRe(t, /\breturns? (an? )?(\[\s*)?(0|zero|none|null|nothing|empty)\b/) && !throws) return { contradiction: `It never gets to return: ${o.label}.`, misconception: true };
  if (o.kind === 'raises' && !throws && says(t, ["loop doesn't run", 'loop never runs', 'skips the loop', 'loop is skipped'])) return { contradiction: `It never reaches the loop or the return: ${o.label}.` };
  if (o.terms.some((x) => says(t, [x]))) return { right: `names the outcome (${o.label})` };
  // "No crash" is a true, checkable half-answer when the language gives a value instead of an error.
  if (o.kind === 'value' && says(t, ['no crash', "doesn't crash", 'does not crash', 'no panic', "doesn't panic", 'does not panic', 'no exception', "doesn't throw", 'does not throw', 'nothing is thrown'])) {
    return { right: 'says nothing is thrown' };
  }
  return {};
}


function hiddenClaims(i: ClaimInput): ClaimResult {
  const { t } = i;
  const said = committedClass(i.reading);
  const cheap = /\b(it'?s|is|are|costs?|only|just)\s+(o\(1\)|constant|free|nothing)\b|\bcosts nothing\b|\bnothing (extra|to avoid)\b|\bdoesn't change that\b|\bdoes not change that\b/.test(t)
    || said === 'O(1)' || said === 'O(log n)';
  const sees = says(t, ['linear scan', 'scans', 'shifts', 'compares x with every', 'every element', 'moves all', 'moves every', 're-index', 'reindex', 'o(n) per', 'o(n^2)', 'quadratic', 'linear per',
    'go through the list', 'goes through the', 'go through the whole', 'has to go through', 'walks the', 'checks every', 'checks each', 'linear time', 'later elements', 'the rest of the array'], [], true)
    // Growing a string copies what was built so far: "each += makes a new copy".
    || (i.e.variant === 'hidden.concat' && says(t, ['copies', 'copy', 'new string', 'immutable', 'rebuilds', 'reallocat'], [], true));
  if (cheap && !sees) return { contradiction: `${i.e.keyReason ?? 'The call walks the whole collection on every pass'}; it is not constant time.` };
  const shifting = /splice|shift\(|unshift|insert\(\s*0|pop\(\s*0|erase\(|remove\(/.test(i.e.keyReason ?? '');
  if (shifting && says(t, ['copies the whole array', 'copy of the whole', 'into a new one', 'new array on every'])) {
    return { contradiction: 'The call shifts the later elements in place; it does not copy the array.', misconception: true };
  }
  if (shifting && says(t, ['set instead', 'use a set', 'a set so', 'hash set'], [], true) && !says(t, ['filter', 'write index', 'two pointer', 'new array', 'compact'], [], true)) {
    return { contradiction: 'A set loses the order and the duplicates the array keeps; the fix is one pass that keeps the wanted elements.', misconception: true };
  }
  if (sees && !cheap) return { right: 'sees the linear cost of the call on every pass' };
  return {};
}

function structureClaims(i: ClaimInput): ClaimResult {
  const { t } = i;
  if (says(t, ['keeps the numbers sorted', 'sorted', 'in order so', 'binary search']) && !says(t, ['not sorted', 'unordered'])) {
    return { contradiction: 'A hash map keeps no order; it finds a key by hashing, not by a sorted search.' };
  }
  // "A list would be just as fast: `in` on a list is constant time too".
  const listFastToo = /\b(list|array|vector|slice)s?\b[^.]{0,40}\b(just as fast|as fast as|equally fast|constant time|o\(1\))/.test(t) && !/\b(list|array|vector|slice)s?\b[^.]{0,40}\b(isn't|is not|not|never)\b[^.]{0,15}\b(as fast|constant|o\(1\))/.test(t);
  if (listFastToo || says(t, ['no real difference', 'same speed', 'just more readable', 'only for readability', 'no difference in speed'])) return { contradiction: 'The choice changes the cost: a lookup that scans a list is O(n), the hash lookup O(1) on average.', misconception: true };
  if (/\b(list|array|vector|slice)s? (is|are)(?: \w+ly)? faster\b|\b(set|map|dict|hash ?set|hash ?map)s? (is|are)(?: \w+ly)? slower\b/.test(t)) {
    return { contradiction: 'The speed is the wrong way round: a list scans every element for a membership test, the hash table goes straight to the bucket.' };
  }
  const scan = says(t, ['walk the whole', 'scan', 'linear search', 'every element', 'go through', 'walks the', 'linear', 'o(n)', 'quadratic'], [], true);
  const fast = says(t, ['constant time', 'constant-time', 'o(1)', 'hash', 'faster', 'fast'], [], true);
  if (scan || fast) return { right: 'contrasts the cost of a lookup', complete: scan && fast };
  // A true property of the structure the code chose is a right half-answer: a set keeps each value once, a map pairs keys with values.
  const chosen = /\b(set|hashset|unordered_set)\b/i.test(i.facts.body) ? 'set' : /\b(map|dict|hashmap|unordered_map)\b|\{\s*\}/i.test(i.facts.body) ? 'map' : null;
  if (chosen === 'set' && /\b(?:stores?|keeps?|holds?) (?:each|every) \w+ (?:only )?once\b|\bonly (?:stores?|keeps?|holds?) (?:each|one)\b/.test(t)) return { right: 'names a property of the set that matters here (each value is kept once)' };
  if (chosen === 'set' && says(t, ["doesn't allow duplicates", 'does not allow duplicates', 'no duplicates', 'only once', 'unique values', 'each value once', "can't hold duplicates", 'cannot hold duplicates'], [], true)) {
    return { right: 'names a property of the set that matters here (each value is kept once)' };
  }
  if (chosen === 'map' && says(t, ['key to', 'keyed by', 'maps each', 'maps the', 'value to its', 'remembers the index', 'stores the index'], [], true)) return { right: 'says what the map pairs with each key' };
  return {};
}

/** No class named, but the amortised argument for a loop whose pointer never moves back. */
function timeClaims(i: ClaimInput): ClaimResult {
  const amortized = i.facts.fn?.loops.some((l) => l.amortized);
  const halving = i.facts.fn?.loops.some((l) => l.halving);
  if (i.reading.mentions.length) return {};
  if (i.facts.cost?.p === 2 && /\bsum of (0|1|the numbers)|n\s*\(\s*n\s*[-+]\s*1\s*\)|\b1 \+ 2 \+|\b0 \+ 1 \+|\bruns i times\b|\bi times for each\b|\btriangular\b/.test(i.t)) return { right: 'counts the pairs of the nested loops' };
  if (halving && says(i.t, ['halved', 'halves', 'in half', 'half the', 'divides by two', 'divided by two', 'cuts the range'])) return { right: 'gives the halving argument' };
  if (!amortized) return {};
  if (/\b(added|inserted|enters|pushed)\b[^.]{0,30}\bonce\b[^.]{0,30}\b(removed|erased|leaves|popped)\b[^.]{0,15}\bonce\b|\bnever (goes|moves) back|\bonly (ever )?moves forward\b|\bnever decreases\b/.test(i.t)) {
    return { right: 'gives the amortised argument: every element enters and leaves once' };
  }
  return {};
}

/** Which statement raises the caught exception: not a `throw` of another type, not a call that cannot raise it. */
function exceptionClaims(i: ClaimInput): ClaimResult {
  const { facts: f, raw, t } = i;
  const tc = f.fn?.hasTryCatch[0];
  const caught = tc?.caught;
  // "Nothing in the try throws" / "parse returns undefined instead": the code has a statement that raises the caught type.
  const risky = raisingLines(f)?.lines ?? i.e.riskyLines ?? [];
  const denies = (x: string) => /\b(nothing (?:in the try |there |in it )?(?:can )?(?:throws?|raises?)|never (?:throws|raises)|(?:doesn't|does not|won't|can't|cannot) (?:throw|raise)|returns? (?:undefined|null|none|nil) (?:on|for|instead|when))\b/.test(x)
    // "Line 4 can't raise KeyError" is about another line; the denial must be about the try or the risky call.
    && [...x.matchAll(/\bline (\d+)/g)].every((m) => risky.includes(Number(m[1])))
    && (/\bnothing\b|\bthe try\b/.test(x) || (i.e.riskyTerms ?? []).some((r) => r.length > 2 && x.includes(r.toLowerCase())));
  if (tc && risky.length && t.split(/(?<=[.!?])\s+/).some(denies)) {
    return { contradiction: `Line ${risky.join(' and ')} can raise ${caught ?? 'the caught error'}; that is what the catch is for.` };
  }
  if (!tc || !caught) return {};
  // Lines named as the thrower: in a sentence that neither negates nor proposes.
  // A sentence naming another exception type ("int(value) raises ValueError") does not blame its line for this one.
  const other = (x: string) => [...x.matchAll(/\b(\w+(?:Error|Exception))\b/g)].some((m) => m[1] !== caught);
  const blamedLines = raw.replace(/\b(e\.g|i\.e)\./gi, '$1').split(/(?<=[.!?])\s+/).filter((x) => !NEGATION.test(norm(x)) && !PROPOSAL.test(norm(x)) && !other(x))
    .flatMap((x) => (x.match(/\blines?\s+(\d+)/gi) ?? []).map((y) => Number(/\d+/.exec(y)?.[0])));
  const raising = raisingLines(f);
  for (const line of blamedLines) {
    const thrown = /\bthrow\s+new\s+(\w+)|\braise\s+(\w+)/.exec(f.lines.at(line));
    const type = thrown?.[1] ?? thrown?.[2];
    if (type && type !== caught) return { contradiction: `Line ${line} throws ${type}, which the catch for ${caught} does not catch.` };
    // A line of the try block that cannot raise the caught type ("line 4, int(value) raises KeyError").
    if (raising && line > tc.tryLine && line < tc.catchLine && !raising.lines.includes(line) && !raising.lines.some((l) => blamedLines.includes(l))) {
      return { contradiction: `Line ${line} cannot raise ${caught}; ${raising.lines.length > 1 ? 'lines' : 'line'} ${raising.lines.join(' and ')} can.` };
    }
  }
  const harmless = ['trim', 'strip', 'lower', 'tolowercase', 'upper', 'touppercase', 'length', 'size', 'len'];
  const blamed = /\b([a-z_]\w*)\(\)?\s*(?:on line \d+\s*)?(?:throws|raises)\b/.exec(t)?.[1];
  if (blamed && harmless.includes(blamed)) return { contradiction: `${blamed}() does not raise ${caught}; the parse call does.` };
  return {};
}

/** Two readings of the same answer: a contradiction from either wins, then the more complete right claim. */
function either(a: ClaimResult, b: ClaimResult): ClaimResult {
  if (a.contradiction) return a;
  if (b.contradiction) return b;
  if (a.right && (a.complete || !b.complete)) return a;
  return b.right ? b : a;
}

/** "No extra memory" for a function that builds a structure growing with its input. */
function spaceClaims(i: ClaimInput): ClaimResult {
  const { t, e } = i;
  if (!e.spaceComplexity || e.spaceComplexity === 'O(1)') return {};
  if (says(t, ['no extra memory', 'no additional memory', 'no extra space', 'no additional space', 'no memory', 'nothing extra', 'uses no memory'], [], true) && !says(t, ['not no extra'])) {
    return { contradiction: `${e.holder ?? 'The structure it builds'} grows with the input while the function runs, so it needs ${e.spaceComplexity} extra memory, freed or not afterwards.`, misconception: true };
  }
  return {};
}

export function judgeClaims(i: ClaimInput): ClaimResult {
  switch (i.topic) {
    case 'testing': return testingClaims(i);
    case 'exceptions': return exceptionClaims(i);
    case 'time_complexity': return either(partClaims(i), timeClaims(i));
    case 'purpose': return { ...classClaim(i, i.facts), ...purposeClaims(i) };
    case 'variable_role': return either(kindClaims(i), either(roleClaims(i), generalRoleClaims(i)));
    case 'termination': return terminationClaims(i);
    case 'loop_bounds': return loopBoundClaims(i);
    case 'edge_cases': return edgeClaims(i);
    case 'initial_value': return initialClaims(i);
    case 'guard_purpose': return guardClaims(i);
    case 'recursion': return recursionClaims(i);
    case 'hidden_linear_cost': return hiddenClaims(i);
    case 'data_structure_choice': return structureClaims(i);
    case 'space_complexity': return spaceClaims(i);
    default: return {};
  }
}

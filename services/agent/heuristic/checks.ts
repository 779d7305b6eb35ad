// Correctness (0–3) against the computed key, per topic (INTERVIEWING.md "automatic check" column):
// 3 matches the key, 1 matches a known misconception (with its feedback), 0 contradicts or misses it;
// 2 is a right but partial answer, which earns a "be more specific" follow-up rather than a fail.
import { CLASS_WORDS, committedClass, namedClasses, toCls, type Cls, type ComplexityReading } from './complexity.ts';
import type { Expected, Misconception } from './expected.ts';
import { STOPWORDS } from './lexicon.ts';
import { roleWordsBeyondName } from './claims/roles.ts';
import { oneVariable } from './claims/cost.ts';
import { baseConditions, smallBaseWords } from './claims/recursion.ts';
import { testingKey } from './test-kinds.ts';
import { hasAny, hasIdentifier, hasTerm, listPhrase, sentences, norm, words } from './text.ts';

export interface AnswerView {
  raw: string;
  t: string;
  reading: ComplexityReading;
  lines: number[];
}

export interface KeyResult {
  score: number;
  verdict: string;
  misconception?: string;
  /** what to be more specific about, for the follow-up */
  focus?: string;
}

const fnOf = (e: Expected) => e.function ?? 'the function';

const NEGATED = /\b(not|never|no|doesn't|does not|won't|without)\b|n't\b/;
function asserted(t: string, term: string): boolean {
  return t.split(/[.;,]|\bbut\b|\band\b/).some((clause) => hasTerm(clause, term) && (NEGATED.test(norm(term)) || !NEGATED.test(clause)));
}

/** A misconception the answer reveals: by its cue phrases, by the class it claims, or by the claim's own words. */
export function matchMisconception(ms: Misconception[], a: AnswerView, key: Cls | null): Misconception | undefined {
  // With no claim for the whole, the best-case or per-operation class is what the answer claims.
  const claimed = committedClass(a.reading) ?? (a.reading.current.length === 0 ? a.reading.best[0] ?? a.reading.unit[0] ?? null : null);
  for (const m of ms) {
    // A cue counts only where it is asserted: "it doesn't crash" does not reveal "it crashes".
    if (m.cues?.some((group) => group.every((term) => asserted(a.t, term)))) return m;
    const c = m.cls ? toCls(m.cls) : null;
    if (c && c !== key && claimed === c) return m;
    if (!m.cls && !m.cues && !/o\(|linear|quadratic|constant|logarithmic|exponential/i.test(m.claim)) {
      // The claim's words must come together in one sentence: spread over an answer they are just vocabulary.
      const cw = words(m.claim).filter((w) => w.length >= 4 && !STOPWORDS.has(w));
      // A sentence that negates or contrasts ("only cuts the calls, not the depth") is not making the claim.
      if (cw.length >= 3 && sentences(a.raw).some((s) => !NEGATED.test(norm(s)) && cw.filter((w) => hasTerm(norm(s), w)).length / cw.length >= 0.75)) return m;
    }
  }
  return undefined;
}

/** The candidate's own multi-variable notation for `key` ("O(n·k log k)"), when they used one. */
function ownNotation(raw: string, key: Cls): string | undefined {
  for (const m of raw.matchAll(/\b[Oo]\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
    const sizes = new Set((m[1].replace(/\blog\b/gi, ' ').match(/\b[a-zA-Z]\b|\b[a-zA-Z]{2,}\b/g) ?? []).map((x) => x.toLowerCase()));
    if (sizes.size < 2 || toCls(oneVariable(m[0])) !== key) continue;
    return `O(${m[1].trim().replace(/\s*[·*×]\s*/g, '·')})`;
  }
  return undefined;
}

/** The class of the code as it is, against `key` (time or space). */
export function classCheck(key: Cls, e: Expected, a: AnswerView, what: 'time' | 'memory'): KeyResult {
  const r = a.reading;
  const fn = fnOf(e);
  const why = e.keyReason ? ` because ${e.keyReason}` : '';
  const committed = committedClass(r);
  if (r.hedged) {
    const offered = [...new Set([...r.current, ...r.improved])];
    return { score: 0, verdict: `Offers ${listPhrase(offered, 'and')} without choosing one; ${fn} is ${key}.`, focus: `which single ${what} class ${fn} has and why` };
  }
  if (committed === key) {
    const own = ownNotation(a.raw, key);
    return { score: 3, verdict: own ? `Correctly says ${own} (${key} when every size is n) for ${fn}.` : `Correctly says ${key} (${CLASS_WORDS[key]}) for ${fn}.`,
      focus: what === 'time' ? 'why: which line runs most often, and how many times' : 'what in the code holds that memory, and why it grows that way' };
  }
  if (!committed && r.current.length === 0) {
    if (r.improved.includes(key)) return { score: 2, verdict: `Names ${key} only as where a change would lead, not as the cost of ${fn} now.`, focus: `what ${fn} costs as written` };
    if (r.best.length) {
      const best = r.best[0];
      return { score: 1, verdict: `Gives only the best case (${best}); ${fn} is ${key} in the worst case${why}.`,
        misconception: 'That is the best case; the question is the worst case, when the loops run to the end.', focus: 'the worst case' };
    }
    return { score: 0, verdict: `Does not name a ${what} complexity class; ${fn} is ${key}${why}.`, focus: `the ${what} complexity class of ${fn}` };
  }
  const said = committed ?? r.current[0];
  const m = matchMisconception(e.misconceptions, a, key);
  const focus = what === 'time' ? `how many times the busiest line of ${fn} runs` : `what ${fn} stores as its input grows`;
  if (m) return { score: 1, verdict: `Says ${said}, a common mistake: ${m.feedback}`, misconception: m.feedback, focus };
  return { score: 0, verdict: `Says ${said} but ${e.keyReason ?? `the code says otherwise`}, so ${fn} is ${key}.`, focus };
}

function hiddenCost(e: Expected, a: AnswerView): KeyResult {
  const r = a.reading;
  const named = namedClasses(r);
  const cost = r.unit.includes('O(n)') || named.includes('O(n^2)') || (e.complexity ? named.includes(toCls(e.complexity) ?? 'O(n^2)') : false)
    || hasAny(a.t, ['linear scan', 'scans', 'checks every', 'checks each', 'compares against every', 'compares with every', 'every element', 'each element',
      'whole list', 'whole array', 'linear search', 'one by one', 'linear time', 'walks the', 'goes through', 'iterates over', 'copies', 'shifts']);
  const remedy = hasAny(a.t, e.remedyTerms ?? []);
  const better = r.improved.length > 0 || r.unit.includes('O(1)') || hasAny(a.t, ['constant time', 'constant-time', 'o(1)']);
  const expr = e.keyReason ?? 'the call walks the whole list on every pass';
  if (cost && remedy) {
    return better || named.includes('O(n^2)')
      ? { score: 3, verdict: `Sees the linear cost hidden in the loop and the fix: ${expr}.` }
      : { score: 2, verdict: 'Sees the linear cost and a fix, but not what the fix changes overall.', focus: `the complexity of ${fnOf(e)} after the change` };
  }
  const m = matchMisconception(e.misconceptions, a, toCls(e.unitCost));
  if (m && !remedy) return { score: 1, verdict: `Claims the check is cheap: ${m.feedback}`, misconception: m.feedback, focus: 'what one such check costs on a list' };
  if (cost) return { score: 2, verdict: 'Sees the linear cost but gives no way around it.', focus: 'how you would avoid that cost' };
  if (remedy) return { score: 2, verdict: 'Proposes the right fix without saying what the current line costs.', focus: 'what the line costs now, on every pass' };
  return { score: 0, verdict: `Misses the hidden cost: ${expr}.`, focus: 'what that one line costs on every pass' };
}

function structureChoice(e: Expected, a: AnswerView): KeyResult {
  const c = (name: string) => e.concepts.find((x) => x.name === name);
  const present = (name: string) => { const k = c(name); return !!k && [k.name, ...k.synonyms].some((s) => hasTerm(a.t, s)); };
  if (/\b(list|array|vector|slice)s? (is|are)(?: \w+ly)? faster\b|\b(set|map|dict)s? (is|are)(?: \w+ly)? slower\b|\bsame speed\b/.test(a.t)) {
    const m = e.misconceptions[0];
    return { score: 0, verdict: `Gets the speed the wrong way round. ${m?.feedback ?? ''}`.trim(), focus: 'what a membership test costs in each' };
  }
  const speed = present('constant-time membership') || present('list scan is linear') || /\bfaster\b/.test(a.t);
  const hits = e.concepts.filter((k) => [k.name, ...k.synonyms].some((s) => hasTerm(a.t, s))).length;
  const m = matchMisconception(e.misconceptions.filter((x) => !x.cls), a, null);
  if (m) return { score: 1, verdict: m.feedback, misconception: m.feedback, focus: 'what else changes besides speed' };
  if (speed && hits >= 2) return { score: 3, verdict: `Explains the trade-off: ${e.keyReason ?? 'hash lookups are O(1) on average'}, and names what else changes.` };
  if (speed) return { score: 2, verdict: 'Gives the speed-up but not what else changes (order, duplicates, memory).', focus: 'what else changes besides speed: order, duplicates or memory' };
  if (hits >= 2) return { score: 2, verdict: 'Names differences but not the main one: the cost of a membership test.', focus: 'what a membership test costs in each' };
  return { score: hits ? 1 : 0, verdict: `Does not explain the choice; ${e.keyReason ?? 'the hash lookup is O(1) on average'}.`, focus: 'what a membership test costs in each' };
}

function edge(e: Expected, a: AnswerView): KeyResult {
  const o = e.outcome;
  if (!o) return conceptsOnly(e, a);
  if (hasAny(a.t, o.terms)) return { score: 3, verdict: `Names the exact outcome: ${e.keyReason ?? o.label}.`, focus: 'whether that is the behaviour you want, and how you would handle it' };
  const m = matchMisconception(e.misconceptions, a, null);
  if (m) return { score: 1, verdict: m.feedback, misconception: m.feedback, focus: `exactly what line ${e.focusLines?.[0] ?? ''} does with an empty ${e.param ?? 'input'}`.replace('line  ', 'the line ') };
  const generic = hasAny(a.t, ['error', 'exception', 'crash', 'crashes', 'throws', 'raises', 'fail', 'panic', 'blows up', 'out of range', 'out of bounds', 'invalid']);
  // "It would break" is right, loosely, whether the language throws or quietly returns a wrong value.
  const breaks = hasAny(a.t, ['break', 'broken', "won't work", "doesn't work", 'does not work', 'wrong result', 'garbage', 'bogus', 'meaningless']);
  if ((generic && o.kind !== 'value') || breaks) return { score: 2, verdict: `Knows it fails but not exactly how: ${o.label}.`, focus: `which error exactly, and on which line` };
  return { score: 0, verdict: `Does not say what happens: ${e.keyReason ?? o.label}.`, focus: `what ${fnOf(e)} does when ${e.param ?? 'the input'} is empty` };
}

function recursionKey(e: Expected, a: AnswerView): KeyResult {
  const fn = fnOf(e);
  const terms = [...(e.baseTerms ?? []), ...baseConditions(e.baseTerms ?? []), ...smallBaseWords(e.baseTerms ?? [])];
  const base = (e.baseLine !== undefined && a.lines.includes(e.baseLine)) || hasAny(a.t, terms)
    || /\bbase case\b[^.]{0,40}\b(when|if|is)\b/.test(a.t);
  const depthWords = /\b(deep|depth|levels?|frames?|stack|nested calls|high|tall)\b/;
  const dv = e.depthValue;
  const depthOk = sentences(a.raw).some((s) => {
    const t = norm(s);
    if (!depthWords.test(t)) return false;
    if (dv !== undefined && new RegExp(`(?<![\\d.^])(${dv}|${dv.toLocaleString('en-US')}|${dv - 1}|${dv + 1})(?![\\d^])`).test(t)) return true;
    return e.depth === 'O(log n)' ? /\blog\b/.test(t) : e.depth === 'nesting' ? /\bnest/.test(t) : /\b(depth|deep|levels?|frames?)\b[^.]{0,15}\b(n|linear)\b|\b(n|linear|o\(n\))\b[^.]{0,15}\b(deep|depth|levels?|frames?)\b/.test(t);
  });
  const branching = e.variant === 'recursion.branching';
  const callsOk = !branching || namedClasses(a.reading).includes('O(2^n)') || hasAny(a.t, ['exponential', 'million', '2^30', '1.6^n', 'doubles', 'exponentially', 'billion']);
  const m = matchMisconception(e.misconceptions, a, null);
  if (m) return { score: 1, verdict: m.feedback, misconception: m.feedback, focus: 'the difference between the depth and the number of calls' };
  const parts = [base, depthOk, ...(branching ? [callsOk] : [])];
  const ok = parts.filter(Boolean).length;
  const missing = [!base && 'the base case', !depthOk && 'the depth', branching && !callsOk && 'the number of calls'].filter((x): x is string => !!x);
  const score = ok === parts.length ? 3 : ok === parts.length - 1 ? 2 : ok >= 1 ? 1 : 0;
  return score === 3
    ? { score, verdict: `Gets the recursion right: ${e.keyReason ?? 'base case and depth'}.` }
    : { score, verdict: `Misses ${listPhrase(missing)} of ${fn}: ${e.keyReason ?? ''}.`.replace(/: \.$/, '.'), focus: missing[0] ?? 'the base case' };
}

function initial(e: Expected, a: AnswerView): KeyResult {
  const v = e.variable ?? 'the variable';
  const empty = hasTerm(a.t, 'empty') || hasAny(a.t, ['no values', 'no elements', 'nothing in']);
  const m = matchMisconception(e.misconceptions, a, null);
  let parts: boolean[];
  let missing: string[];
  if (e.variant === 'initial.max_zero') {
    const counter = hasAny(a.t, e.direction === 'min' ? ['positive', 'above zero', 'greater than 0', 'greater than zero'] : ['negative', 'below zero', 'less than 0', 'less than zero', '-1', '-3']);
    const consequence = hasAny(a.t, ['returns 0', 'return 0', 'returns zero', 'stays 0', 'stay 0', 'stays at 0', 'remains 0', 'still 0', 'never updated', 'never changes',
      'never replaced', 'wrong', 'incorrect', 'instead of', 'would be 0', 'gives 0', 'bug']);
    const fix = hasAny(a.t, ['-inf', 'negative infinity', '-infinity', 'min_value', 'int_min', 'minint', 'first element', 'first value', 'none', 'null', 'min_safe_integer', 'smallest possible', '[0]']);
    if (m && !(counter && consequence)) return { score: 1, verdict: m.feedback, misconception: m.feedback, focus: `what ${v} ends as when every value is negative` };
    parts = [counter && consequence, fix || empty];
    missing = [!(counter && consequence) ? 'the all-negative counterexample' : '', !(fix || empty) ? 'a better start or the empty case' : ''];
    if (!counter && fix) parts = [false, true];
  } else if (e.variant === 'initial.sentinel') {
    const beats = hasAny(a.t, ['any value', 'every value', 'first element', 'first value', 'replaced', 'smaller than', 'larger than', 'less than any', 'greater than any',
      'beats', 'sentinel', 'lowest possible', 'smallest possible', 'largest possible', 'identity', 'any number', 'all values', 'negative numbers']);
    // The sentinel by its own name too: "Integer.MAX_VALUE" said as "MAX_VALUE".
    const own = (e.init ?? '').split(/[.:]+/).pop() ?? '';
    const leaks = empty && (hasAny(a.t, ['-inf', 'infinity', 'min_value', 'max_value', 'int_min', 'int_max', 'minint', 'maxint', 'returns', 'get back', 'back', 'leak', 'sentinel'])
      || hasTerm(a.t, norm(e.init ?? 'x')) || (own.length > 2 && hasTerm(a.t, norm(own))));
    parts = [beats, leaks];
    missing = [!beats ? 'why that start works for any values' : '', !leaks ? 'what an empty input returns' : ''];
  } else if (e.variant === 'initial.first') {
    const why = hasAny(a.t, ['any value', 'real value', 'actual value', 'works for negative', 'negative', 'no sentinel', 'first element', 'first value']);
    const risk = empty && hasAny(a.t, ['error', 'indexerror', 'crash', 'out of range', 'undefined', 'exception', 'panic', 'fails', 'out of bounds']);
    parts = [why, risk];
    missing = [!why ? 'why the first element is a safe start' : '', !risk ? 'what an empty input does' : ''];
  } else {
    const identity = hasAny(a.t, ['identity', 'adding 0', 'adding zero', 'add 0', 'multiplying by 1', 'multiply by 1', 'does not change', "doesn't change", 'neutral', 'no effect', 'empty sum', 'sum of nothing', 'nothing added', 'nothing to add']);
    const res = empty && (hasAny(a.t, ['returns', 'return', 'zero', 'gives']) || hasTerm(a.t, norm(e.init ?? 'x')));
    parts = [identity, res];
    missing = [!identity ? 'why that start changes nothing' : '', !res ? 'what an empty input returns' : ''];
  }
  const ok = parts.filter(Boolean).length;
  const focus = missing.find(Boolean);
  if (ok === 2) return { score: 3, verdict: `Reasons about the start value: ${e.keyReason ?? ''}.` };
  if (ok === 1) return { score: 2, verdict: `Half the reasoning about ${v}: misses ${focus}.`, ...(focus ? { focus } : {}) };
  return { score: 0, verdict: `Does not explain the start of ${v}: ${e.keyReason ?? ''}.`, focus: focus ?? `why ${v} starts there` };
}

function exceptionsKey(e: Expected, a: AnswerView): KeyResult {
  const risky = e.riskyLines ?? [];
  const lineOk = a.lines.some((l) => risky.includes(l)) || (e.riskyTerms ?? []).some((t) => hasIdentifier(a.raw, t) || hasTerm(a.t, t));
  const inputOk = hasAny(a.t, e.inputTerms ?? []) || /["'][^"']{0,12}["']/.test(a.raw);
  const wrongLine = !lineOk && a.lines.length > 0;
  if (lineOk && inputOk) return { score: 3, verdict: `Finds the throwing call and an input that triggers it: ${e.keyReason ?? ''}.` };
  if (lineOk) return { score: 2, verdict: 'Finds the line that can throw but not an input that makes it.', focus: 'an input that makes it throw' };
  if (wrongLine) {
    const fb = `Line ${a.lines[0]} is not where the error is raised: ${e.keyReason ?? ''}.`;
    return { score: 1, verdict: fb, misconception: fb, focus: 'which line raises it' };
  }
  if (inputOk) return { score: 2, verdict: 'Gives a failing input but not the line that throws.', focus: 'which line throws' };
  return { score: 0, verdict: `Does not locate the error: ${e.keyReason ?? ''}.`, focus: 'which line can throw, and for what input' };
}

const share = (hit: boolean[]) => hit.filter(Boolean).length;

function simpleKey(e: Expected, a: AnswerView, main: boolean, second: boolean, mainName: string, secondName: string): KeyResult {
  const ok = share([main, second]);
  if (ok === 2) return { score: 3, verdict: `Answers it: ${e.keyReason ?? ''}.` };
  if (main) return { score: 2, verdict: `Right idea, but misses ${secondName}.`, focus: secondName };
  if (second) return { score: 1, verdict: `Misses ${mainName}: ${e.keyReason ?? ''}.`, focus: mainName };
  return { score: 0, verdict: `Misses ${mainName}: ${e.keyReason ?? ''}.`, focus: mainName };
}

function conceptsOnly(e: Expected, a: AnswerView): KeyResult {
  const hits = e.concepts.filter((k) => [k.name, ...k.synonyms].some((s) => hasTerm(a.t, s))).length;
  const need = Math.max(1, e.need ?? 2);
  const score = hits >= need ? 3 : hits * 2 >= need ? 2 : hits ? 1 : 0;
  const miss = e.concepts.find((k) => ![k.name, ...k.synonyms].some((s) => hasTerm(a.t, s)))?.name;
  return { score, verdict: score === 3 ? 'Covers the key points.' : `Covers ${hits} of ${need} key points.`, ...(miss ? { focus: miss } : {}) };
}

export function checkKey(topic: string | null, e: Expected, a: AnswerView, solo: number, narration: boolean): KeyResult {
  const timeKey = toCls(e.complexity);
  switch (topic) {
    case 'hidden_linear_cost': return hiddenCost(e, a);
    case 'data_structure_choice': return structureChoice(e, a);
    case 'edge_cases': return edge(e, a);
    case 'recursion': return recursionKey(e, a);
    case 'initial_value': return initial(e, a);
    case 'exceptions': return exceptionsKey(e, a);
    case 'space_complexity': {
      const key = toCls(e.spaceComplexity);
      if (!key) return conceptsOnly(e, a);
      const r = classCheck(key, e, a, 'memory');
      const holder = e.holder && (hasIdentifier(a.raw, e.holder) || hasTerm(a.t, e.holder));
      return r.score === 3 && e.holder && !holder ? { score: 2, verdict: `${r.verdict} Does not say what holds it (${e.holder}).`, focus: 'what in the code holds that memory' } : r;
    }
    case 'scale': {
      const bottleneck = (e.dominantLine !== undefined && a.lines.includes(e.dominantLine)) || (timeKey !== null && namedClasses(a.reading).includes(timeKey))
        || hasAny(a.t, ['nested loop', 'inner loop', 'the loop', 'recursion', 'recursive calls', 'bottleneck']);
      return simpleKey(e, a, bottleneck, hasAny(a.t, e.remedyTerms ?? []), 'where the time goes', 'what you would change');
    }
    case 'guard_purpose': {
      const r = simpleKey(e, a, hasAny(a.t, e.hazardTerms ?? []), hasAny(a.t, ['empty', 'zero', 'null', 'none', 'nil', 'negative', 'when', 'if ', 'for example', 'e.g']), 'the hazard', 'an input that would hit it');
      // "It checks that ratings isn't empty" restates the condition; the hazard is what would go wrong without it.
      const specific = hasAny(a.t, ['divide', 'division', 'dividing', 'zerodivisionerror', 'nan', 'infinity', 'indexerror', 'index out of range', 'out of range', 'out of bounds',
        'past the end', 'nullpointerexception', 'null pointer', 'npe', 'undefined behavio', 'panic', 'segfault', 'segmentation', 'keyerror', 'typeerror', 'attributeerror', 'arithmeticexception', 'overflow']);
      const vague = hasAny(a.t, ['crash', 'error', 'exception', 'fail', 'break', 'broken', 'wrong', 'invalid', 'garbage', 'blow up', 'undefined']);
      if (r.score === 3 && !specific) return { score: 2, verdict: vague ? 'Knows something would go wrong, but not exactly what.' : 'Says what the condition checks, not what it prevents.', focus: 'what exactly would go wrong without it, and on which line' };
      return r;
    }
    case 'termination': {
      const progress = (e.progress ?? []).some((v) => hasIdentifier(a.raw, v)) && hasAny(a.t, ['increment', 'decrement', 'increase', 'decrease', 'moves', 'shrink', 'grow',
        'halve', 'advance', 'closer', 'smaller', 'bigger', 'changes', 'updated', '+= 1', '-= 1', '++', 'each pass', 'every pass', 'each iteration', 'every iteration', 'mid + 1', 'mid - 1']);
      const cond = hasAny(a.t, (e.conditionTerms ?? []).map(norm)) || hasAny(a.t, ['stops when', 'ends when', 'becomes false', 'no longer', 'cross', 'exceeds', 'reaches', 'until', 'greater than', 'less than']);
      return simpleKey(e, a, progress, cond, 'what makes progress on every pass', 'the exit condition');
    }
    case 'loop_bounds':
      if (e.variant === 'loop_bounds.start') {
        return simpleKey(e, a, hasAny(a.t, ['itself', 'same element', 'same index', 'same number', 'with itself']),
          hasAny(a.t, ['once', 'twice', 'both orders', 'each pair', 'duplicate', 'again', 'already', 'every pair', 'all pairs']),
          'why the inner loop must not start at i', 'how often each pair is checked');
      }
      return simpleKey(e, a, hasAny(a.t, ['out of range', 'out of bounds', 'indexerror', 'past the end', 'overflow', 'undefined', 'skip', 'miss', 'one short', 'off by one',
        'off-by-one', 'itself', 'same element', 'twice', 'never runs', 'extra']), hasAny(a.t, ['last index', 'last element', 'final element', 'len - 1', 'length - 1', 'n - 1', 'first', 'last']),
        'what would go wrong with the neighbouring bound', 'which index is handled last');
    case 'variable_role':
      // Saying the variable's own name ("the prev pointer") is not saying its role.
      // The largest-so-far holder said in everyday words: "max nesting", "the deepest level".
      const extra = e.variant === 'role.most_wanted_holder' ? ['max', 'deepest', 'peak', 'greatest', 'most', 'longest', 'biggest'] : [];
      return simpleKey(e, a, hasAny(a.t, roleWordsBeyondName([...(e.roleTerms ?? []), ...extra], e.variable)), hasAny(a.t, ['after the loop', 'at the end', 'ends up', 'finally', 'when the loop', 'returned', 'returns', 'final', 'so far']),
        `the job of ${e.variable ?? 'the variable'}`, 'its value after the loop');
    case 'testing': return testingKey(a);
    case 'purpose': {
      const steps = (a.t.match(/\b(then|next|after that|first)\b/g) ?? []).length;
      if ((narration && solo < 3) || steps >= 3) {
        const fb = 'Narrates the code line by line instead of saying what it is for.';
        return { score: 1, verdict: fb, misconception: fb, focus: `what ${fnOf(e)} returns, in terms of the problem` };
      }
      const result = hasAny(a.t, ['returns', 'finds', 'computes', 'calculates', 'counts', 'checks', 'determines', 'gives', 'produces', 'builds', 'removes', 'parses', 'converts', 'sums', 'picks',
        // A boolean result stated in problem terms ("reports whether t is a rearrangement of s") is a purpose.
        'reports', 'tells', 'decides', 'whether', 'true if', 'true when', 'true only if']);
      const score = solo >= 3 && result ? 3 : result || solo >= 3 ? 2 : solo >= 1 ? 1 : 0;
      return { score, verdict: score === 3 ? `A purpose-level summary of ${fnOf(e)}.` : `Does not quite say what ${fnOf(e)} is for.`, ...(score < 3 ? { focus: `what ${fnOf(e)} returns, in terms of the problem` } : {}) };
    }
    default:
      return timeKey ? classCheck(timeKey, e, a, 'time') : conceptsOnly(e, a);
  }
}

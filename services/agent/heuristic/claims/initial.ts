// Claims about why a variable starts where it does: a max/min holder started at 0 fails for
// all-negative (all-positive) input, a sentinel leaks out for an empty input, and a count started at
// 1 (a run, a length) counts the first element alone; whatever the start, an input that skips the
// loop returns it unchanged, so "it returns 0" for a start of 1 is wrong.
import { NEGATION, claimsRe, says, type ClaimInput, type ClaimResult } from './said.ts';
import { returnsVar } from './facts.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A count: the variable, or the one it copies (`best = cur`), goes up by one (`cur++`) and restarts at a literal. */
export function isCount(body: string, v: string): boolean {
  const srcs = [...body.matchAll(new RegExp(`\\b${esc(v)}\\s*=\\s*([A-Za-z_]\\w*)\\s*;?\\s*$`, 'gm'))].map((m) => m[1]);
  return [v, ...srcs].some((x) => new RegExp(`\\b${esc(x)}\\s*\\+\\+|\\+\\+\\s*${esc(x)}\\b|\\b${esc(x)}\\s*\\+=\\s*1\\b`).test(body));
}

function countClaims(i: ClaimInput): ClaimResult {
  const { t, e, facts: f } = i;
  const init = e.init ?? '';
  if (says(t, ['smallest possible', 'any element will beat', 'any value will beat', 'below any', 'smaller than any', 'lower than any', 'sentinel'], [], true)) {
    return { contradiction: `${e.variable} is a length, not a value: it starts at ${init} because one element alone is a run of ${init}, not because values beat it.`, misconception: true };
  }
  const emptyReturns = /\breturns?\s+(-?\d+|zero|one|none|null|nothing)\b[^.]{0,40}\bempty\b|\bempty\b[^.]{0,40}\breturns?\s+(-?\d+|zero|one|none|null|nothing)\b|\bstill returns?\s+(-?\d+|zero|one)\b/.exec(t);
  const said = (emptyReturns?.[1] ?? emptyReturns?.[2] ?? emptyReturns?.[3] ?? '').replace('zero', '0').replace('one', '1');
  if (said && returnsVar(f, e.variable ?? '') && said !== init) return { contradiction: `An empty input skips the loop, so ${f.fn?.name ?? 'the function'} returns ${init}, not ${said}.` };
  const why = says(t, ['single element', 'one element', 'element by itself', 'element on its own', 'element alone', 'run of 1', 'run of one', 'length 1', 'length one', 'at least one', 'counts itself', 'the first element by itself', 'on its own']);
  const empty = (said === init || /\breturns?\s+(1|one)\b/.test(t)) && returnsVar(f, e.variable ?? '');
  if (why || empty) return { right: why && empty ? `explains the start of ${e.variable} and what an empty input returns` : why ? `says why ${e.variable} starts at ${init}` : `says an empty input returns ${init}`, complete: why && empty };
  return {};
}

export function initialClaims(i: ClaimInput): ClaimResult {
  const { t, e, facts: f } = i;
  const fnName = f.fn?.name ?? 'the function';
  if (e.direction === 'min' && /\bfinds? the (maximum|largest|biggest|max)\b/.test(t)) return { contradiction: `${fnName} keeps the smallest value (it replaces ${e.variable} when x < ${e.variable}), not the largest.` };
  if (e.direction === 'max' && /\bfinds? the (minimum|smallest|min)\b/.test(t)) return { contradiction: `${fnName} keeps the largest value, not the smallest.` };
  const indexes = !!f.fn?.indexFirst.length;
  if (!indexes && says(t, ['throws', 'exception', 'out of bounds', 'crashes', 'indexoutofbounds', 'panic', 'panics', 'index out of range', 'indexerror'])) {
    const result = returnsVar(f, e.variable ?? '') || e.outcome?.kind !== 'value' ? `returns ${e.init}` : e.outcome.label;
    return { contradiction: `Nothing is indexed, so nothing fails: an empty input skips the loop and ${fnName} ${result}.` };
  }
  if (e.initKind === 'first') {
    // Started from the first element: a real candidate for any values, but the read fails on an empty input.
    if (indexes && claimsRe(t, /\bempty\b[^.]*\breturns? (0|zero|none|null|nil|-1|nothing)\b|\breturns? (0|zero|none|null|nil|-1)\b[^.]*\bempty\b/)) {
      return { contradiction: `${e.init} is read before anything else, so an empty input fails there; it never gets to return a value.` };
    }
    if (/\b(first element|\w+\[0\])\s+is\s+always\s+the\s+(smallest|largest|minimum|maximum|min|max)\b/.test(t)) {
      return { contradiction: `${e.init} is only a starting candidate; the loop replaces it whenever a better element comes.` };
    }
    const why = says(t, ['one of the elements', 'an actual element', 'a real element', 'valid candidate', 'element of the input', 'from the input', 'any values', 'whatever the values', 'no sentinel', 'all negative', 'all positive', 'actual value']);
    const empty = says(t, ['panic', 'panics', 'index out of range', 'indexerror', 'out of bounds', 'throws', 'crash', 'undefined', 'exception']);
    if (why || empty) return { right: why && empty ? `explains the start of ${e.variable} and what an empty input does` : why ? `says why ${e.variable} starts at ${e.init}` : 'says what an empty input does', complete: why && empty };
  }
  if (e.variable && e.init && /^\d+$/.test(e.init) && isCount(f.body, e.variable)) return countClaims(i);
  if (e.initKind === 'zero' && (e.direction === 'max' || e.direction === 'min')) {
    const wrongSide = e.direction === 'max' ? 'negative' : 'positive';
    if (says(t, ['identity', "doesn't change the result", 'does not change the result', 'no effect'])) {
      return { contradiction: `0 is the identity of a sum, not of ${e.direction}: with all-${wrongSide} values ${e.variable} stays 0.`, misconception: true };
    }
    if (says(t, ['smaller than any', 'lower than any', 'below any', 'less than any', 'bigger than any', 'larger than any', 'always replaces', 'always works', 'is fine', 'works for any']) && !says(t, [wrongSide, 'negatives', 'positives', 'bug', 'wrong'])) {
      return { contradiction: `0 is not ${e.direction === 'max' ? 'below' : 'above'} every value: with all-${wrongSide} input ${e.variable} stays 0.`, misconception: true };
    }
  }
  if (e.initKind === 'sentinel' && !indexes) {
    // Only a function that returns the sentinel itself leaks it; one that returns a count returns that count's start.
    const leaks = returnsVar(f, e.variable ?? '');
    if (leaks && claimsRe(t, /\breturns? (0|zero|null|none)\b/)) return { contradiction: `An empty input returns ${e.init} itself, not 0.` };
    if (!leaks && e.outcome?.kind === 'value') {
      const said = /\breturns?\s+(-?\d+|zero|none|null|nil|nothing|an? \w+)\b/.exec(t)?.[1]?.replace('zero', '0');
      const right = e.outcome.terms.some((x) => said === x || said === x.replace(/^returns\s+/, ''));
      if (said && !right && claimsRe(t, /\breturns?\s/)) return { contradiction: `An empty input skips the loop, so ${fnName} ${e.outcome.label}, not ${said}.` };
    }
    if (/\b(start|starting|begin)\w* at (0|zero)\b|\b(0|zero) instead\b/.test(t) && !says(t, ['wrong', 'break', 'fail', 'positive'])) {
      return { contradiction: `Starting at 0 would break for inputs whose values are all ${e.direction === 'min' ? 'positive' : 'negative'}.`, misconception: true };
    }
    // Why a sentinel: the first element always gets past the comparison against it.
    const why = /\bfirst\b[^.;]{0,60}\balways\b|\balways\b[^.;]{0,40}\bfirst\b|\b(below|smaller than|less than|lower than|above|bigger than|greater than) any\b|\banything (beats|passes)\b/.test(t) && !NEGATION.test(t.split(/[.;]/).find((c) => /\b(first|any)\b/.test(c)) ?? '');
    const empty = !leaks && e.outcome?.kind === 'value' && e.outcome.terms.some((x) => new RegExp(`\\breturns?\\s+${x.replace(/^returns\s+/, '')}\\b`).test(t));
    if (why || empty) return { right: why && empty ? `explains the start of ${e.variable} and what an empty input returns` : why ? `says why ${e.variable} starts at ${e.init}` : 'says what an empty input returns', complete: why && empty };
  }
  return {};
}

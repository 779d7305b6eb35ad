// The key check for "which tests would you write": how many distinct kinds of test the answer names
// (typical, empty, single, duplicates, negatives, not found, large, order, invalid, a size parameter
// against the input), and whether it says what each should return.
import type { AnswerView, KeyResult } from './checks.ts';
import { hasAny } from './text.ts';

export function testingKey(a: AnswerView): KeyResult {
  const cats = [
    ['typical', 'normal', 'happy path', 'regular', 'basic', 'example', 'ordinary', 'simple case', 'standard', 'general case'],
    ['empty', 'no elements', '[]', '""', 'zero elements', 'null', 'none'], ['single', 'one element', 'length 1', 'singleton', 'only one'],
    ['duplicate', 'repeated', 'same value', 'all equal', 'identical'], ['negative', 'zero'], ['not found', 'no solution', 'no pair', 'missing', 'absent', 'no match', 'no answer'],
    ['large', 'big', 'million', 'performance', 'stress', 'overflow', 'max int'], ['sorted', 'unsorted', 'reverse', 'descending'], ['invalid', 'malformed', 'wrong type', 'non-numeric'],
    // How a size or count parameter relates to the input: the chunk or window bigger than the array, an uneven split.
    ['bigger than', 'larger than', 'longer than', 'exceeds', 'uneven', 'leftover', 'remainder', 'exact multiple', 'divides evenly', 'even split', 'size 0', 'zero size', 'size of 0'],
  ].filter((c) => hasAny(a.t, c)).length;
  const outputs = hasAny(a.t, ['return', 'should', 'expect', '==', '->', '=>', 'gives', 'result', 'raise', 'throw', 'output', 'equal']);
  const score = cats >= 3 ? (outputs ? 3 : 2) : cats === 2 ? (outputs ? 2 : 1) : cats;
  return { score, verdict: score === 3 ? 'Three distinct kinds of test, each with its expected result.' : `Covers ${cats} kind${cats === 1 ? '' : 's'} of test${outputs ? '' : ', without expected results'}.`,
    ...(score < 3 ? { focus: cats < 3 ? 'a boundary case and a risk-specific case, with expected outputs' : 'what each test should return' } : {}) };
}

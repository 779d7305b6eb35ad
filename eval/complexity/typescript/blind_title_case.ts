// complexity: O(n)
// function: titleCase
// split: round-4
// why: split, map over words, join: each character handled a constant number of times.
function titleCase(sentence: string): string {
  return sentence
    .split(' ')
    .map((w) => (w.length ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(' ');
}

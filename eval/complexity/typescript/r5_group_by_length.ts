// complexity: O(n)
// function: groupByLength
// split: round-5
// why: one pass; Record lookups and pushes are O(1).
function groupByLength(words: string[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const w of words) {
    (out[w.length] ??= []).push(w);
  }
  return out;
}

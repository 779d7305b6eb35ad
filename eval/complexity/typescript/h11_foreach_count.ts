// complexity: O(n)
// function: wordCounts
// split: round-11
// why: one pass; Map get and set are O(1).
function wordCounts(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  words.forEach((w) => counts.set(w, (counts.get(w) ?? 0) + 1));
  return counts;
}

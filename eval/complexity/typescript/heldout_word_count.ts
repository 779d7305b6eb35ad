// complexity: O(n)
// function: wordFrequencies
// split: round-2
// why: split, then one pass with O(1) Map updates.
function wordFrequencies(text: string): Map<string, number> {
  const freq = new Map<string, number>();
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (word.length === 0) continue;
    freq.set(word, (freq.get(word) ?? 0) + 1);
  }
  return freq;
}

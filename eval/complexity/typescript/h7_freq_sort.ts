// complexity: O(n log n)
// function: frequencySort
// split: round-7
// why: counting is O(n); sorting the distinct characters (up to n) by count is O(n log n); building the output O(n).
function frequencySort(s: string): string {
  const freq = new Map<string, number>();
  for (const c of s) freq.set(c, (freq.get(c) ?? 0) + 1);
  return [...freq.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => c.repeat(n))
    .join('');
}

// complexity: O(n)
// function: groupBy
// split: round-7
// why: one pass; each push and object lookup is O(1).
function groupBy<T>(items: T[], key: (t: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) {
    const k = key(item);
    (out[k] ||= []).push(item);
  }
  return out;
}

// complexity: O(n)
// function: firstUniqChar
// why: a counting pass, then a second pass: sequential.
function firstUniqChar(s: string): number {
  const count = new Map<string, number>();
  for (const ch of s) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (let i = 0; i < s.length; i++) {
    if (count.get(s[i]) === 1) return i;
  }
  return -1;
}

// complexity: O(n log n)
// function: isAnagram
// why: sorting both strings dominates.
function isAnagram(s: string, t: string): boolean {
  const norm = (x: string): string => x.split('').sort().join('');
  return norm(s) === norm(t);
}

// complexity: O(n)
// function: checkInclusion
// split: round-6
// why: one pass over s2; the comparison of the two 26-letter counts is constant work per step.
function checkInclusion(s1: string, s2: string): boolean {
  if (s1.length > s2.length) return false;
  const need = new Array(26).fill(0);
  const have = new Array(26).fill(0);
  const code = (c: string) => c.charCodeAt(0) - 97;
  for (const c of s1) need[code(c)]++;
  for (let i = 0; i < s2.length; i++) {
    have[code(s2[i])]++;
    if (i >= s1.length) have[code(s2[i - s1.length])]--;
    let same = true;
    for (let c = 0; c < 26; c++) {
      if (need[c] !== have[c]) { same = false; break; }
    }
    if (same) return true;
  }
  return false;
}

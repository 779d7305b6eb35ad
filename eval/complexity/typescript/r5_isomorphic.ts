// complexity: O(n)
// function: isIsomorphic
// split: round-5
// why: one pass with two maps.
function isIsomorphic(s: string, t: string): boolean {
  const st = new Map<string, string>();
  const ts = new Map<string, string>();
  for (let i = 0; i < s.length; i++) {
    const a = s[i];
    const b = t[i];
    if ((st.has(a) && st.get(a) !== b) || (ts.has(b) && ts.get(b) !== a)) return false;
    st.set(a, b);
    ts.set(b, a);
  }
  return true;
}

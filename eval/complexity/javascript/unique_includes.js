// complexity: O(n^2)
// function: unique
// why: includes scans the output array on every pass.
function unique(arr) {
  const out = [];
  for (const x of arr) {
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

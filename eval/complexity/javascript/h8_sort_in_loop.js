// complexity: O(n^2 log n)
// function: runningMedians
// split: round-8
// why: the growing window is re-sorted on every pass.
function runningMedians(nums) {
  const seen = [];
  const out = [];
  for (const x of nums) {
    seen.push(x);
    seen.sort((a, b) => a - b);
    out.push(seen[Math.floor(seen.length / 2)]);
  }
  return out;
}

// complexity: O(log n)
// function: mySqrt
// split: round-7
// why: binary search over [0, x]: the range halves every pass.
function mySqrt(x: number): number {
  let lo = 0;
  let hi = x;
  let ans = 0;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid * mid <= x) {
      ans = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return ans;
}

// complexity: O(n^2)
// function: sortDescending
// why: every pass scans the remaining array with Math.max(...arr) and indexOf.
function sortDescending(arr) {
  const out = [];
  while (arr.length) {
    const m = Math.max(...arr);
    arr.splice(arr.indexOf(m), 1);
    out.push(m);
  }
  return out;
}

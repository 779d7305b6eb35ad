// complexity: O(n^2)
// function: intersection
// why: filter walks a and indexOf scans b for every element.
function intersection(a, b) {
  return a.filter((x) => b.indexOf(x) !== -1);
}

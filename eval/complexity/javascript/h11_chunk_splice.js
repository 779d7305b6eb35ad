// complexity: O(n^2)
// function: chunk
// split: round-11
// why: splice(0, size) shifts every remaining element, once per chunk (n chunks when size is 1).
function chunk(arr, size) {
  const out = [];
  while (arr.length) {
    out.push(arr.splice(0, size));
  }
  return out;
}

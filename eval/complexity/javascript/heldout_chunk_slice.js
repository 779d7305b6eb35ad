// complexity: O(n)
// function: chunk
// split: round-2
// why: the slices together copy each element once.
function chunk(arr, size) {
  const out = [];
  for (let i = 0; i < arr.length; i += size) {
    out.push(arr.slice(i, i + size));
  }
  return out;
}

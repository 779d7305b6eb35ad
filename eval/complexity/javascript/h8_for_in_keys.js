// complexity: O(n)
// function: invert
// split: round-8
// why: one pass over the object's keys.
function invert(obj) {
  const out = {};
  for (const key in obj) {
    out[obj[key]] = key;
  }
  return out;
}

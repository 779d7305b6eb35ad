// complexity: O(n^2)
// function: flattenOnce
// split: round-4
// why: concat copies the growing result on every pass.
function flattenOnce(arrays) {
  let result = [];
  for (let i = 0; i < arrays.length; i++) {
    result = result.concat(arrays[i]);
  }
  return result;
}

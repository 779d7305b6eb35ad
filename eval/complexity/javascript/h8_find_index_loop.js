// complexity: O(n^2)
// function: firstRepeatIndex
// split: round-8
// why: findIndex scans the array for every element.
function firstRepeatIndex(arr) {
  for (let i = 0; i < arr.length; i++) {
    const j = arr.findIndex((x) => x === arr[i]);
    if (j !== i) return i;
  }
  return -1;
}

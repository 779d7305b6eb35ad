// complexity: O(n)
// function: twoSumSorted
// split: round-4
// why: two pointers move inward; n steps at most.
function twoSumSorted(numbers, target) {
  let l = 0;
  let r = numbers.length - 1;
  while (l < r) {
    const sum = numbers[l] + numbers[r];
    if (sum === target) return [l + 1, r + 1];
    if (sum < target) l++;
    else r--;
  }
  return [];
}

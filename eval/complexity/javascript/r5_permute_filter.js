// complexity: O(2^n)
// function: permute
// split: round-5
// why: n! permutations, each built by recursion on the remaining items (exponential class).
function permute(nums) {
  if (nums.length <= 1) return [nums.slice()];
  const out = [];
  for (let i = 0; i < nums.length; i++) {
    const rest = nums.filter((_, j) => j !== i);
    for (const p of permute(rest)) out.push([nums[i], ...p]);
  }
  return out;
}

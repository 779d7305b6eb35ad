// complexity: O(2^n)
// function: permute
// split: round-6
// why: backtracking builds all n! orderings (factorial counts as the exponential class).
function permute(nums: number[]): number[][] {
  const out: number[][] = [];
  const used = new Array<boolean>(nums.length).fill(false);
  const path: number[] = [];
  function backtrack(): void {
    if (path.length === nums.length) { out.push([...path]); return; }
    for (let i = 0; i < nums.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      path.push(nums[i]);
      backtrack();
      path.pop();
      used[i] = false;
    }
  }
  backtrack();
  return out;
}

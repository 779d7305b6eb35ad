function average(nums) {
  let total = 0;
  for (const x of nums) {
    total += x;
  }
  return total / nums.length;
}

// complexity: O(n^2)
// function: evensReduce
// split: round-7
// why: [...acc, x] copies the accumulator built so far on every step.
function evensReduce(nums) {
  return nums.reduce((acc, x) => (x % 2 === 0 ? [...acc, x] : acc), []);
}

// complexity: O(n)
// function: squares
// split: round-7
// why: Array.from with a length builds n items.
function squares(n) {
  return Array.from({ length: n }, (_, i) => i * i);
}

// complexity: O(2^n)
// function: hanoi
// split: round-3
// why: two recursive calls on n - 1 disks: 2^n - 1 moves.
function hanoi(n, from, to, via, moves = []) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push([from, to]);
  hanoi(n - 1, via, to, from, moves);
  return moves;
}

// complexity: O(n)
// function: indexById
// split: round-11
// why: map and fromEntries are one pass each.
function indexById(items) {
  return Object.fromEntries(items.map((x) => [x.id, x]));
}

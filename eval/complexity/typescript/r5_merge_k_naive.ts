// complexity: O(n^2)
// function: mergeKLists
// split: round-5
// why: for each of the N output values, scan all k list heads: O(N * k).
function mergeKLists(lists: number[][]): number[] {
  const idx = lists.map(() => 0);
  const out: number[] = [];
  while (true) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (idx[i] < lists[i].length && (best === -1 || lists[i][idx[i]] < lists[best][idx[best]])) best = i;
    }
    if (best === -1) break;
    out.push(lists[best][idx[best]]);
    idx[best]++;
  }
  return out;
}

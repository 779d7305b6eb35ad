// complexity: O(n^2)
// function: mergeKLists
// split: round-9
// why: each of the n output nodes scans the k heads for the minimum: O(n·k), k <= n.
function mergeKLists(lists) {
  const dummy = { val: 0, next: null };
  let tail = dummy;
  while (true) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (lists[i] && (best === -1 || lists[i].val < lists[best].val)) best = i;
    }
    if (best === -1) break;
    tail.next = lists[best];
    tail = tail.next;
    lists[best] = lists[best].next;
  }
  return dummy.next;
}

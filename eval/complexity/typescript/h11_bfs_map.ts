// complexity: O(n)
// function: shortestPath
// split: round-11
// why: BFS with a visited set: each vertex and edge once, O(V + E).
function shortestPath(graph: Map<number, number[]>, start: number, goal: number): number {
  const seen = new Set<number>([start]);
  let frontier = [start];
  let steps = 0;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier) {
      if (u === goal) return steps;
      for (const v of graph.get(u) ?? []) {
        if (!seen.has(v)) {
          seen.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
    steps++;
  }
  return -1;
}

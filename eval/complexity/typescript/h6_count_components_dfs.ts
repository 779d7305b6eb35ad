// complexity: O(n)
// function: countComponents
// split: round-6
// why: DFS with a visited mark visits each vertex and each adjacency entry once: O(V + E).
function countComponents(n: number, edges: number[][]): number {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    adj[a].push(b);
    adj[b].push(a);
  }
  const seen = new Array<boolean>(n).fill(false);
  const dfs = (u: number): void => {
    seen[u] = true;
    for (const v of adj[u]) if (!seen[v]) dfs(v);
  };
  let count = 0;
  for (let u = 0; u < n; u++) {
    if (!seen[u]) { count++; dfs(u); }
  }
  return count;
}

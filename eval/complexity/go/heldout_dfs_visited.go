// complexity: O(n)
// function: dfs
// split: round-2
// why: the visited map stops every vertex after its first visit: O(V + E).
package main

func countReachable(adj map[int][]int, start int) int {
	visited := map[int]bool{}
	var dfs func(u int)
	dfs = func(u int) {
		if visited[u] {
			return
		}
		visited[u] = true
		for _, v := range adj[u] {
			dfs(v)
		}
	}
	dfs(start)
	return len(visited)
}

// complexity: O(n)
// function: bfs
// why: each vertex is dequeued once and each edge checked once: O(V + E).
package main

func bfs(adj [][]int, start int) []int {
	visited := make([]bool, len(adj))
	order := []int{}
	queue := []int{start}
	visited[start] = true
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		order = append(order, u)
		for _, v := range adj[u] {
			if !visited[v] {
				visited[v] = true
				queue = append(queue, v)
			}
		}
	}
	return order
}

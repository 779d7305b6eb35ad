package main

import "container/heap"

type item struct{ node, dist int }
type pq []item

func (p pq) Len() int            { return len(p) }
func (p pq) Less(i, j int) bool  { return p[i].dist < p[j].dist }
func (p pq) Swap(i, j int)       { p[i], p[j] = p[j], p[i] }
func (p *pq) Push(x interface{}) { *p = append(*p, x.(item)) }
func (p *pq) Pop() interface{} {
	old := *p
	it := old[len(old)-1]
	*p = old[:len(old)-1]
	return it
}

func shortest(adj [][][2]int, src int) []int {
	dist := make([]int, len(adj))
	for i := range dist {
		dist[i] = 1 << 60
	}
	dist[src] = 0
	h := &pq{{src, 0}}
	for h.Len() > 0 {
		cur := heap.Pop(h).(item)
		if cur.dist > dist[cur.node] {
			continue
		}
		for _, e := range adj[cur.node] {
			nd := cur.dist + e[1]
			if nd < dist[e[0]] {
				dist[e[0]] = nd
				heap.Push(h, item{e[0], nd})
			}
		}
	}
	return dist
}

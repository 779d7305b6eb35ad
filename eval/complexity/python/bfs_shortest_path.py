# complexity: O(n)
# function: shortest_path
# why: BFS: every vertex enters the queue once, every edge is looked at once: O(V + E).
from collections import deque


def shortest_path(graph, start, goal):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            return dist[node]
        for nb in graph[node]:
            if nb not in dist:
                dist[nb] = dist[node] + 1
                queue.append(nb)
    return -1

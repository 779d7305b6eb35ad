# complexity: O(n)
# function: can_finish
# split: round-5
# why: three-colour DFS: each course is finished once and each prerequisite edge followed once: O(V + E).
def can_finish(num_courses, prerequisites):
    graph = [[] for _ in range(num_courses)]
    for course, pre in prerequisites:
        graph[pre].append(course)
    state = [0] * num_courses

    def has_cycle(u):
        if state[u] == 1:
            return True
        if state[u] == 2:
            return False
        state[u] = 1
        for v in graph[u]:
            if has_cycle(v):
                return True
        state[u] = 2
        return False

    return not any(has_cycle(c) for c in range(num_courses))

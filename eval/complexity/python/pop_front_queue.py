# complexity: O(n^2)
# function: process_tasks
# why: list.pop(0) shifts every remaining element, n times.
def process_tasks(tasks):
    queue = list(tasks)
    done = []
    while queue:
        task = queue.pop(0)
        done.append(task.upper())
    return done

import { del, mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Written after the timing rules were tuned, as a check on them (a session they were not fitted to):
// container with most water as a double loop, rewritten with two pointers; then Fibonacci, first
// recursive, then iterative, with thinking pauses inside unfinished functions that are not moments.
export const pyWaterFib: SessionScript = {
  id: 'py-water-fib',
  language: 'python',
  seed: 131,
  title: 'Python: container with most water (double loop → two pointers), Fibonacci (recursion → loop)',
  steps: [
    pause(30),
    type('def max_area(heights):\n    best = 0\n    for i in range(len(heights)):\n', { typos: 1 }),
    pause(9), // how far does j go?
    type('        for j in range(i + 1, len(heights)):\n            area = min(heights[i], heights[j]) * (j - i)\n', { typos: 1 }),
    pause(6),
    type('            best = max(best, area)\n    return best\n\n\nprint(max_area([1, 8, 6, 2, 5, 4, 8, 3, 7]))\n', { typos: 1 }),
    mark('the double loop over heights works: ask its time complexity and whether every pair must be tried'),
    pause(35),
    ...rewrite({ from: '    best = 0\n', to: '    return best\n' },
      '    lo, hi = 0, len(heights) - 1\n    best = 0\n    while lo < hi:\n        best = max(best, min(heights[lo], heights[hi]) * (hi - lo))\n        if heights[lo] < heights[hi]:\n            lo += 1\n        else:\n            hi -= 1\n    return best\n', { typos: 2 }),
    mark('rewritten with two pointers: ask why moving the shorter side never loses the best pair, and the new cost'),
    pause(40),
    type('\n\n\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)', { at: { before: '\n\n\nprint(max_area' }, typos: 1 }),
    mark('fib recurses twice: ask how many calls fib(n) makes'),
    pause(30),
    del({ from: '    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)' }),
    type('    a, b = 0, 1\n    for _ in range(n', { unfinished: true }),
    pause(8), // n or n - 1?
    type('):\n        a, b = b, a + b\n    return a', { typos: 1 }),
    type('print(fib(10), fib(0))\n', { at: 'end' }),
    mark('fib is now a loop: ask what a and b hold after each step and what fib(0) returns'),
    pause(40),
    pause(25), // reads it all over
    type('print(max_area([5]), fib(1))\n', { at: 'end' }),
    mark('a single height is being tried: ask what max_area returns when there is no pair'),
    pause(50),
  ],
  final: `def max_area(heights):
    lo, hi = 0, len(heights) - 1
    best = 0
    while lo < hi:
        best = max(best, min(heights[lo], heights[hi]) * (hi - lo))
        if heights[lo] < heights[hi]:
            lo += 1
        else:
            hi -= 1
    return best


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(max_area([1, 8, 6, 2, 5, 4, 8, 3, 7]))
print(fib(10), fib(0))
print(max_area([5]), fib(1))
`,
};

import { del, mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Two sum as a brute-force double loop, rewritten with a dict once it works; then group anagrams,
// where the sort inside the loop is what the complexity question is about; then a binary search.
export const pyTwoSumAnagrams: SessionScript = {
  id: 'py-two-sum-anagrams',
  language: 'python',
  seed: 11,
  title: 'Python: two sum (brute force → dict), group anagrams, binary search',
  steps: [
    pause(25),
    type('def two_sum(nums, target):\n    for i in range(len(nums)):\n', { typos: 1 }),
    pause(7),
    type('        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n    return []\n', { typos: 2 }),
    pause(4),
    type('\n\nprint(two_sum([2, 7, 11, 15], 9))\n'),
    mark('the brute-force double loop works and the candidate stops to look at it: ask its time complexity'),
    pause(28),
    ...rewrite({ from: '    for i in range(len(nums)):', to: 'return [i, j]\n' },
      '    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n', { typos: 1 }),
    mark('two_sum was rewritten with a dict: ask what the dict buys (time before and after, memory)'),
    pause(32),
    pause(20), // reads the next problem
    type('def group_anagrams(words):\n    groups = {}\n    for w in words:\n        key = "".join(sorted(w))\n', { at: { before: 'print(two_sum' }, typos: 1 }),
    pause(14),
    type('        if key not in groups:\n            groups[key] = []\n        groups[key].append(w)\n    return list(groups.values())\n\n\n'),
    type('print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))\n', { at: 'end' }),
    mark('group_anagrams is finished: ask its complexity, counting the sort of every word'),
    pause(35),
    type('def search(nums, target):\n    lo, hi = 0, len(nums) - 1\n    while lo <= hi:\n        mid = (lo + hi) // 2\n        if nums[mid] ==', { at: { before: 'print(two_sum' }, unfinished: true }),
    pause(9),
    type(' target:\n            return mid\n        if nums[mid] < target:\n            lo = mid + 1\n        else:\n            hi = mid - 1\n    return -1\n\n\n', { typos: 1 }),
    type('print(search([1, 3, 5, 7, 9, 11], 7))\n', { at: 'end' }),
    mark('the binary search is finished: ask why the loop ends and what it costs'),
    pause(30),
    del({ from: 'print(two_sum([2, 7, 11, 15], 9))\n' }),
    type('print(two_sum([3, 2, 4], 6))\n', { at: { before: 'print(group_anagrams' } }),
    pause(50),
  ],
  final: `def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []


def group_anagrams(words):
    groups = {}
    for w in words:
        key = "".join(sorted(w))
        if key not in groups:
            groups[key] = []
        groups[key].append(w)
    return list(groups.values())


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


print(two_sum([3, 2, 4], 6))
print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))
print(search([1, 3, 5, 7, 9, 11], 7))
`,
};

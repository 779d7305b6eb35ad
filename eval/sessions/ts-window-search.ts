import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Longest substring without repeating characters: a brute force that restarts a Set from every
// index, rewritten as a sliding window whose left edge only moves forward; then a binary search for
// the insert position.
export const tsWindowSearch: SessionScript = {
  id: 'ts-window-search',
  language: 'typescript',
  seed: 37,
  title: 'TypeScript: longest substring without repeats (brute force → sliding window), search insert position',
  steps: [
    pause(20),
    type('function lengthOfLongestSubstring(s: string): number {\n  let best = 0;\n  for (let i = 0; i < s.length; i++) {\n    const seen = new Set<string>();\n', { typos: 1 }),
    pause(9),
    type('    for (let j = i; j < s.length; j++) {\n      if (seen.has(s[j])) break;\n      seen.add(s[j]);\n      best = Math.max(best, j - i + 1);\n    }\n  }\n  return best;\n}\n', { typos: 2 }),
    type('\nconsole.log(lengthOfLongestSubstring("abcabcbb"));\n'),
    mark('the brute force works: ask its time complexity (a Set restarted from every index)'),
    pause(34),
    ...rewrite({ from: '  for (let i = 0; i < s.length; i++) {', to: '  return best;\n' },
      '  const last = new Map<string, number>();\n  let left = 0;\n  for (let right = 0; right < s.length; right++) {\n    const prev = last.get(s[right]);\n    if (prev !== undefined && prev >= left) {\n      left = prev + 1;\n    }\n    last.set(s[right], right);\n    best = Math.max(best, right - left + 1);\n  }\n  return best;\n', { typos: 2 }),
    mark('rewritten as a sliding window with a Map of last positions: ask why it is linear although left moves inside the loop'),
    pause(36),
    type('\nfunction searchInsert(nums: number[], target: number): number {\n  let lo = 0;\n  let hi = nums.length;\n  while (lo < hi) {\n', { at: { before: '\nconsole.log(lengthOf' }, typos: 1 }),
    pause(8),
    type('    const mid = lo + Math.floor((hi - lo) / 2);\n    if (nums[mid] < target', { unfinished: true }),
    pause(12),
    type(') {\n      lo = mid + 1;\n    } else {\n      hi = mid;\n    }\n  }\n  return lo;\n}\n', { typos: 1 }),
    type('console.log(searchInsert([1, 3, 5, 6], 5), searchInsert([1, 3, 5, 6], 7));\n', { at: 'end' }),
    mark('searchInsert is finished: ask why hi starts at nums.length and what it returns when target is larger than all'),
    pause(32),
    type('\nfunction countDistinct(words: string[]): number {\n  const distinct = new Set<string>();\n  for (const w of words) {\n    distinct.add(w.toLowerCase());\n  }\n  return distinct.size;\n}\n', { at: { before: '\nconsole.log(lengthOf' }, typos: 1 }),
    type('console.log(countDistinct(["a", "A", "b"]));\n', { at: 'end' }),
    pause(20),
    type('console.log(lengthOfLongestSubstring(""), searchInsert([], 3));\n', { at: 'end' }),
    mark('edge cases are being tried: ask what both return on empty input'),
    pause(25),
  ],
  final: `function lengthOfLongestSubstring(s: string): number {
  let best = 0;
  const last = new Map<string, number>();
  let left = 0;
  for (let right = 0; right < s.length; right++) {
    const prev = last.get(s[right]);
    if (prev !== undefined && prev >= left) {
      left = prev + 1;
    }
    last.set(s[right], right);
    best = Math.max(best, right - left + 1);
  }
  return best;
}

function searchInsert(nums: number[], target: number): number {
  let lo = 0;
  let hi = nums.length;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (nums[mid] < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function countDistinct(words: string[]): number {
  const distinct = new Set<string>();
  for (const w of words) {
    distinct.add(w.toLowerCase());
  }
  return distinct.size;
}

console.log(lengthOfLongestSubstring("abcabcbb"));
console.log(searchInsert([1, 3, 5, 6], 5), searchInsert([1, 3, 5, 6], 7));
console.log(countDistinct(["a", "A", "b"]));
console.log(lengthOfLongestSubstring(""), searchInsert([], 3));
`,
};

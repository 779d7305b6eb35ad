import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Group anagrams keyed by the sorted word; then de-duplicating with `includes` on an array inside
// the loop, rewritten with a Set; then the first unique character with a count map.
export const jsAnagramsIncludes: SessionScript = {
  id: 'js-anagrams-includes',
  language: 'javascript',
  seed: 83,
  title: 'JavaScript: group anagrams (sort each word), unique values (includes in a loop → Set), first unique char',
  steps: [
    pause(21),
    type('function groupAnagrams(words) {\n  const groups = new Map();\n  for (const w of words) {\n    const key = w.split("").sort().join("");\n', { typos: 2 }),
    pause(11),
    type('    if (!groups.has(key)) groups.set(key, []);\n    groups.get(key).push(w);\n  }\n  return [...groups.values()];\n}\n', { typos: 1 }),
    type('\nconsole.log(groupAnagrams(["eat", "tea", "tan", "ate", "nat", "bat"]));\n'),
    mark('groupAnagrams is finished: ask its complexity, counting the sort of every word'),
    pause(34),
    pause(22), // reads the next problem
    type('\nfunction unique(values) {\n  const out = [];\n  for (const v of values) {\n    if (!out.includes(v)) {\n      out.push(v);\n    }\n  }\n  return out;\n}\n', { at: { before: '\nconsole.log(groupAnagrams' }, typos: 1 }),
    type('console.log(unique([3, 1, 3, 2, 1]));\n', { at: 'end' }),
    mark('unique calls includes inside the loop: ask what that costs for n values'),
    pause(32),
    ...rewrite({ from: '  const out = [];', to: '  return out;\n' },
      '  const seen = new Set();\n  const out = [];\n  for (const v of values) {\n    if (!seen.has(v)) {\n      seen.add(v);\n      out.push(v);\n    }\n  }\n  return out;\n', { typos: 1 }),
    mark('includes was replaced by a Set: ask what the Set changes and why the array is still kept'),
    pause(30),
    type('\nfunction firstUnique(s) {\n  const counts = {};\n  for (const ch of s) {\n    counts[ch] = (counts[ch] || 0) + 1;\n  }\n  for (let i = 0; i < s.length; i++) {\n    if (counts[s[i]] === 1', { at: { before: '\nconsole.log(groupAnagrams' }, unfinished: true, typos: 1 }),
    pause(12),
    type(') return i;\n  }\n  return -1;\n}\n'),
    type('console.log(firstUnique("leetcode"), firstUnique("aabb"));\n', { at: 'end' }),
    mark('firstUnique is finished: ask why two passes and what it returns when every character repeats'),
    pause(30),
    pause(45),
  ],
  final: `function groupAnagrams(words) {
  const groups = new Map();
  for (const w of words) {
    const key = w.split("").sort().join("");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(w);
  }
  return [...groups.values()];
}

function unique(values) {
  const seen = new Set();
  const out = [];
  for (const v of values) {
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

function firstUnique(s) {
  const counts = {};
  for (const ch of s) {
    counts[ch] = (counts[ch] || 0) + 1;
  }
  for (let i = 0; i < s.length; i++) {
    if (counts[s[i]] === 1) return i;
  }
  return -1;
}

console.log(groupAnagrams(["eat", "tea", "tan", "ate", "nat", "bat"]));
console.log(unique([3, 1, 3, 2, 1]));
console.log(firstUnique("leetcode"), firstUnique("aabb"));
`,
};

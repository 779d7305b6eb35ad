import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Valid parentheses with a stack of expected closers; then removing duplicates from a sorted array
// with `splice` inside the loop, rewritten as a two-pointer pass once the candidate sees the cost.
export const jsBracketsSplice: SessionScript = {
  id: 'js-brackets-splice',
  language: 'javascript',
  seed: 23,
  title: 'JavaScript: valid parentheses (stack), remove duplicates (splice in a loop → two pointers)',
  steps: [
    pause(25),
    type('function isValid(s) {\n  const pairs = { "(": ")", "[": "]", "{": "}" };\n  const stack = [];\n', { typos: 1 }),
    pause(12),
    type('  for (const ch of s) {\n    if (ch in pairs) {\n      stack.push(pairs[ch]);\n    } else if (stack.length === 0 || stack.pop() !== ch) {\n      return false;\n    }\n  }\n', { typos: 2 }),
    pause(6),
    type('  return stack.length === 0;\n}\n'),
    pause(3),
    type('\nconsole.log(isValid("([]{})"), isValid("(]"));\n'),
    mark('isValid is finished and the candidate reads it over: ask what the stack holds (the closers it still expects) or why the length check at the end'),
    pause(30),
    type('\nfunction removeDuplicates(nums) {\n  for (let i = 1; i < nums.length; i++) {\n    if (nums[i] === nums[i - 1]) {\n', { at: { before: '\nconsole.log(isValid' }, typos: 1 }),
    pause(10),
    type('      nums.splice(i, 1);\n      i--;\n    }\n  }\n  return nums.length;\n}\n'),
    type('console.log(removeDuplicates([1, 1, 2, 3, 3, 3, 4]));\n', { at: 'end' }),
    mark('removeDuplicates works with splice inside the loop: ask what splice costs there and the total'),
    pause(38),
    ...rewrite({ from: '  for (let i = 1; i < nums.length; i++) {', to: '  return nums.length;\n' },
      '  if (nums.length === 0) return 0;\n  let write = 1;\n  for (let read = 1; read < nums.length; read++) {\n    if (nums[read] !== nums[write - 1]) {\n      nums[write] = nums[read];\n      write++;\n    }\n  }\n  return write;\n', { typos: 2 }),
    mark('splice replaced by a read/write two-pointer pass: ask what changed in cost and what write means'),
    pause(30),
    type('\nfunction maxDepth(s) {\n  let depth = 0;\n  let best = 0;\n  for (const ch of s) {\n    if (ch === "(") {\n      depth++;\n      best = Math.max(best, depth);\n    } else if (ch === ")"', { at: { before: '\nconsole.log(isValid' }, unfinished: true }),
    pause(11),
    type(') {\n      depth--;\n    }\n  }\n  return best;\n}\n', { typos: 1 }),
    type('console.log(maxDepth("(1+(2*3)+((8)/4))+1"));\n', { at: 'end' }),
    mark('maxDepth is finished: ask what best holds and what an unbalanced string would return'),
    pause(28),
    type('console.log(isValid(""), removeDuplicates([]));\n', { at: 'end' }),
    pause(25),
  ],
  final: `function isValid(s) {
  const pairs = { "(": ")", "[": "]", "{": "}" };
  const stack = [];
  for (const ch of s) {
    if (ch in pairs) {
      stack.push(pairs[ch]);
    } else if (stack.length === 0 || stack.pop() !== ch) {
      return false;
    }
  }
  return stack.length === 0;
}

function removeDuplicates(nums) {
  if (nums.length === 0) return 0;
  let write = 1;
  for (let read = 1; read < nums.length; read++) {
    if (nums[read] !== nums[write - 1]) {
      nums[write] = nums[read];
      write++;
    }
  }
  return write;
}

function maxDepth(s) {
  let depth = 0;
  let best = 0;
  for (const ch of s) {
    if (ch === "(") {
      depth++;
      best = Math.max(best, depth);
    } else if (ch === ")") {
      depth--;
    }
  }
  return best;
}

console.log(isValid("([]{})"), isValid("(]"));
console.log(removeDuplicates([1, 1, 2, 3, 3, 3, 4]));
console.log(maxDepth("(1+(2*3)+((8)/4))+1"));
console.log(isValid(""), removeDuplicates([]));
`,
};

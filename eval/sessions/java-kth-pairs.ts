import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Written after the timing rules were tuned, as a check on them (a session they were not fitted to):
// the k-th largest by sorting a copy, later with a heap of k; then counting pairs with a given sum, first with a double loop,
// then with a HashMap of counts seen so far; a mid-line pause that is not a moment; an empty input.
export const javaKthPairs: SessionScript = {
  id: 'java-kth-pairs',
  language: 'java',
  seed: 151,
  title: 'Java: k-th largest (sort a copy), count pairs with a sum (double loop → HashMap)',
  steps: [
    pause(20),
    type('import java.util.*;\n\nclass Solution {\n', { typos: 1 }),
    pause(8),
    type('    static int kthLargest(int[] nums, int k) {\n        int[] copy = nums.clone();\n        Arrays.sort(copy);\n', { typos: 1 }),
    pause(7), // which index?
    type('        return copy[copy.length - k];\n    }\n', { typos: 1 }),
    pause(4),
    type('\n    public static void main(String[] args) {\n        System.out.println(kthLargest(new int[]{3, 2, 1, 5, 6, 4}, 2));\n    }\n}\n'),
    mark('kthLargest is finished: ask what the sort costs and why it sorts a copy'),
    pause(34),
    type('\n    static int countPairs(int[] nums, int target) {\n        int count = 0;\n        for (int i = 0; i < nums.length; i++) {\n            for (int j = i + 1; j < nums.length; j++) {\n                if (nums[i] + nums[j] == target', { at: { before: '\n    public static void main' }, typos: 2, unfinished: true }),
    pause(9),
    type(') count++;\n            }\n        }\n        return count;\n    }\n', { typos: 1 }),
    type('        System.out.println(countPairs(new int[]{1, 5, 7, -1, 5}, 6));\n', { at: { before: '    }\n}\n' } }),
    mark('countPairs works with a double loop: ask its time complexity'),
    pause(36),
    ...rewrite({ from: '        for (int i = 0; i < nums.length; i++) {', to: '        return count;\n' },
      '        Map<Integer, Integer> seen = new HashMap<>();\n        for (int x : nums) {\n            count += seen.getOrDefault(target - x, 0);\n            seen.merge(x, 1, Integer::sum);\n        }\n        return count;\n', { typos: 2 }),
    mark('countPairs now uses a HashMap of counts: ask what seen holds and what the map buys in time and memory'),
    pause(38),
    type('        System.out.println(kthLargest(new int[]{}, 1));\n', { at: { before: '    }\n}\n' } }),
    mark('an empty array is being tried: ask what kthLargest does with it'),
    pause(30),
    ...rewrite({ from: '        int[] copy = nums.clone();', to: '        return copy[copy.length - k];\n' },
      '        PriorityQueue<Integer> heap = new PriorityQueue<>();\n        for (int x : nums) {\n            heap.offer(x);\n            if (heap.size() > k) heap.poll();\n        }\n        return heap.peek();\n', { typos: 1 }),
    mark('kthLargest now keeps a heap of k values: ask what the heap holds and what it costs compared with sorting'),
    pause(40),
  ],
  final: `import java.util.*;

class Solution {
    static int kthLargest(int[] nums, int k) {
        PriorityQueue<Integer> heap = new PriorityQueue<>();
        for (int x : nums) {
            heap.offer(x);
            if (heap.size() > k) heap.poll();
        }
        return heap.peek();
    }

    static int countPairs(int[] nums, int target) {
        int count = 0;
        Map<Integer, Integer> seen = new HashMap<>();
        for (int x : nums) {
            count += seen.getOrDefault(target - x, 0);
            seen.merge(x, 1, Integer::sum);
        }
        return count;
    }

    public static void main(String[] args) {
        System.out.println(kthLargest(new int[]{3, 2, 1, 5, 6, 4}, 2));
        System.out.println(countPairs(new int[]{1, 5, 7, -1, 5}, 6));
        System.out.println(kthLargest(new int[]{}, 1));
    }
}
`,
};

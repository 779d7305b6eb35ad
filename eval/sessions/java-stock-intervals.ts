import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Best time to buy and sell stock with a minimum initialised to Integer.MAX_VALUE; merge intervals
// after sorting by start; a main that tries both.
export const javaStockIntervals: SessionScript = {
  id: 'java-stock-intervals',
  language: 'java',
  seed: 41,
  title: 'Java: best time to buy and sell stock (MAX_VALUE sentinel), merge intervals (sort first)',
  steps: [
    pause(18),
    type('import java.util.*;\n\npublic class Solution {\n', { typos: 1 }),
    pause(6),
    type('    public static int maxProfit(int[] prices) {\n        int minPrice = Integer.MAX_VALUE;\n        int best = 0;\n', { typos: 1 }),
    pause(11),
    type('        for (int p : prices) {\n            if (p < minPrice) {\n                minPrice = p;\n            } else if (p - minPrice > best) {\n                best = p - minPrice;\n            }\n        }\n        return best;\n    }\n}\n', { typos: 2 }),
    mark('maxProfit is finished and the candidate stops: ask why minPrice starts at Integer.MAX_VALUE and what an empty array returns'),
    pause(33),
    type('\n    public static int[][] merge(int[][] intervals) {\n        Arrays.sort(intervals, (a, b) -> a[0] - b[0]);\n        List<int[]> out = new ArrayList<>();\n', { at: { after: '        return best;\n    }\n' }, typos: 1 }),
    pause(14),
    type('        for (int[] cur : intervals) {\n            if (out.isEmpty() || out.get(out.size() - 1)[1] < cur[0]) {\n                out.add(cur);\n            } else {\n                int[] last = out.get(out.size() - 1);\n                last[1] = Math.max(last[1], cur[1]);\n            }\n        }\n        return out.toArray(new int[0][]);\n    }\n', { typos: 2 }),
    mark('merge is finished: ask what the sort costs and why sorting by start is enough'),
    pause(36),
    type('\n    public static void main(String[] args) {\n        System.out.println(maxProfit(new int[] {7, 1, 5, 3, 6, 4}));\n        int[][] merged = merge(new int[][] {{1, 3}, {2, 6}, {8, 10}, {15, 18}});\n        System.out.println(Arrays.deepToString(merged));\n    }\n', { at: { after: 'return out.toArray(new int[0][]);\n    }\n' }, typos: 1 }),
    pause(22),
    ...rewrite({ from: '        Arrays.sort(intervals, (a, b) -> a[0] - b[0]);' }, '        Arrays.sort(intervals, (a, b) -> Integer.compare(a[0], b[0]));'),
    mark('the comparator changed from subtraction to Integer.compare: ask why (overflow on large starts)'),
    pause(30),
    type('\n    public static int maxProfitMany(int[] prices) {\n        int total = 0;\n        for (int i = 1; i < prices.length; i++) {\n            if (prices[i] > prices[i - 1]', { at: { before: '\n    public static void main' }, unfinished: true }),
    pause(10),
    type(') {\n                total += prices[i] - prices[i - 1];\n            }\n        }\n        return total;\n    }\n', { typos: 1 }),
    type('        System.out.println(maxProfitMany(new int[] {7, 1, 5, 3, 6, 4}));\n', { at: { before: '    }\n}' } }),
    mark('maxProfitMany is finished: ask why summing every rise is optimal when many trades are allowed'),
    pause(32),
    pause(15),
  ],
  final: `import java.util.*;

public class Solution {
    public static int maxProfit(int[] prices) {
        int minPrice = Integer.MAX_VALUE;
        int best = 0;
        for (int p : prices) {
            if (p < minPrice) {
                minPrice = p;
            } else if (p - minPrice > best) {
                best = p - minPrice;
            }
        }
        return best;
    }

    public static int[][] merge(int[][] intervals) {
        Arrays.sort(intervals, (a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] cur : intervals) {
            if (out.isEmpty() || out.get(out.size() - 1)[1] < cur[0]) {
                out.add(cur);
            } else {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], cur[1]);
            }
        }
        return out.toArray(new int[0][]);
    }

    public static int maxProfitMany(int[] prices) {
        int total = 0;
        for (int i = 1; i < prices.length; i++) {
            if (prices[i] > prices[i - 1]) {
                total += prices[i] - prices[i - 1];
            }
        }
        return total;
    }

    public static void main(String[] args) {
        System.out.println(maxProfit(new int[] {7, 1, 5, 3, 6, 4}));
        int[][] merged = merge(new int[][] {{1, 3}, {2, 6}, {8, 10}, {15, 18}});
        System.out.println(Arrays.deepToString(merged));
        System.out.println(maxProfitMany(new int[] {7, 1, 5, 3, 6, 4}));
    }
}
`,
};

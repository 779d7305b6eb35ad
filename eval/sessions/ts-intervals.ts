import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Merge intervals: first a version that copies the result array on every merge (spread inside the
// loop), rewritten to update the last interval in place; then whether a person can attend all
// meetings (sort, then compare neighbours).
export const tsIntervals: SessionScript = {
  id: 'ts-intervals',
  language: 'typescript',
  seed: 109,
  title: 'TypeScript: merge intervals (copy per merge → in place), can attend all meetings',
  steps: [
    pause(23),
    type('type Interval = [number, number];\n\n', { typos: 1 }),
    pause(6),
    type('function merge(intervals: Interval[]): Interval[] {\n  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);\n  let out: Interval[] = [];\n', { typos: 2 }),
    pause(13),
    type('  for (const [start, end] of sorted) {\n    const last = out[out.length - 1];\n    if (last && start <= last[1]) {\n      out = [...out.slice(0, -1), [last[0], Math.max(last[1], end)]];\n    } else {\n      out = [...out, [start, end]];\n    }\n  }\n  return out;\n}\n', { typos: 2 }),
    type('\nconsole.log(merge([[1, 3], [2, 6], [8, 10], [15, 18]]));\n'),
    mark('merge works but copies out on every interval: ask what the spreads cost in total, besides the sort'),
    pause(33),
    ...rewrite({ from: '  let out: Interval[] = [];', to: '  return out;\n' },
      '  const out: Interval[] = [];\n  for (const [start, end] of sorted) {\n    const last = out[out.length - 1];\n    if (last && start <= last[1]) {\n      last[1] = Math.max(last[1], end);\n    } else {\n      out.push([start, end]);\n    }\n  }\n  return out;\n', { typos: 1 }),
    mark('merge now updates the last interval in place: ask what it costs now and why the input is copied before sorting'),
    pause(34),
    type('\nfunction canAttendAll(meetings: Interval[]): boolean {\n  const byStart = [...meetings].sort((a, b) => a[0] - b[0]);\n  for (let i = 1; i < byStart.length; i++) {\n    if (byStart[i][0] < byStart[i - 1][1]', { at: { before: '\nconsole.log(merge' }, unfinished: true, typos: 1 }),
    pause(14),
    type(') return false;\n  }\n  return true;\n}\n'),
    type('console.log(canAttendAll([[0, 30], [5, 10], [15, 20]]), canAttendAll([[7, 10], [2, 4]]));\n', { at: 'end' }),
    mark('canAttendAll is finished: ask why comparing neighbours after the sort is enough, and what touching meetings ([1, 2], [2, 3]) give'),
    pause(31),
    type('console.log(merge([]), canAttendAll([]));\n', { at: 'end' }),
    pause(18),
    type('console.log(merge([[1, 4], [4, 5]]));\n', { at: 'end' }),
    pause(36),
  ],
  final: `type Interval = [number, number];

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

function canAttendAll(meetings: Interval[]): boolean {
  const byStart = [...meetings].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < byStart.length; i++) {
    if (byStart[i][0] < byStart[i - 1][1]) return false;
  }
  return true;
}

console.log(merge([[1, 3], [2, 6], [8, 10], [15, 18]]));
console.log(canAttendAll([[0, 30], [5, 10], [15, 20]]), canAttendAll([[7, 10], [2, 4]]));
console.log(merge([]), canAttendAll([]));
console.log(merge([[1, 4], [4, 5]]));
`,
};

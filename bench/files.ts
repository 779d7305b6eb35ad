// The code a simulated candidate types: a realistic Python file of 30–60 lines (functions, loops,
// a nested loop the analysis can flag), growing by about a line a second and then edited in place,
// with the caret at the end of a finished line (where the trigger may ask). Deterministic per
// session and update, so a run can be repeated.

const BLOCKS = [
  ['def two_sum(nums, target):', '    seen = {}', '    for i, x in enumerate(nums):', '        if target - x in seen:', '            return [seen[target - x], i]', '        seen[x] = i', '    return []', ''],
  ['def has_duplicate_pair(values):', '    for i in range(len(values)):', '        for j in range(i + 1, len(values)):', '            if values[i] == values[j]:', '                return True', '    return False', ''],
  ['def max_subarray(nums):', '    best = cur = nums[0]', '    for x in nums[1:]:', '        cur = max(x, cur + x)', '        best = max(best, cur)', '    return best', ''],
  ['def is_anagram(a, b):', '    if len(a) != len(b):', '        return False', '    counts = {}', '    for ch in a:', '        counts[ch] = counts.get(ch, 0) + 1', '    for ch in b:', '        counts[ch] = counts.get(ch, 0) - 1', '    return all(v == 0 for v in counts.values())', ''],
  ['def fib(n, memo=None):', '    memo = {} if memo is None else memo', '    if n < 2:', '        return n', '    if n not in memo:', '        memo[n] = fib(n - 1, memo) + fib(n - 2, memo)', '    return memo[n]', ''],
  ['def merge_intervals(intervals):', '    intervals.sort(key=lambda p: p[0])', '    out = []', '    for start, end in intervals:', '        if out and start <= out[-1][1]:', '            out[-1][1] = max(out[-1][1], end)', '        else:', '            out.append([start, end])', '    return out', ''],
];

/** Every line a session may reach, its blocks in an order of its own. */
function linesFor(session: number): string[] {
  const out: string[] = [];
  for (let b = 0; out.length < 64; b++) out.push(...BLOCKS[(session + b) % BLOCKS.length]!);
  return out;
}

export interface Version { code: string; lines: number; cursor: { line: number; col: number } }

/** The file of `session` at its update `k` (0-based): 30 lines at first, up to 30–60 lines. */
export function fileAt(session: number, k: number): Version {
  const all = linesFor(session);
  const max = 30 + ((session * 7) % 31);
  const n = Math.min(max, 30 + Math.floor(k / 2));
  const lines = all.slice(0, n);
  // once grown, an edit in place: a constant in a line changes, as a candidate tuning a value
  if (30 + Math.floor(k / 2) > max) {
    const at = (k * 5) % n;
    lines[at] = `${lines[at]}  # v${k}`;
  }
  const line = n;
  return { code: `${lines.join('\n')}\n`, lines: n, cursor: { line, col: lines[n - 1]!.length } };
}

// What in a function is worth asking about, most revealing first (INTERVIEWING.md, "what to ask
// first"): a rewrite that changed the complexity, recursion, a costly call inside a loop, a sentinel
// or initial value, a data-structure choice — and "what does it do" only when nothing better exists.
// One ranking, read by the trigger (which moment to hold or ask) and by the heuristic interviewer
// (which template to fall back on), so the two never disagree.
import type { DataStructureFacts, FunctionFacts, LinearCallFacts, RunningFacts, SentinelFacts, VariableRoleFacts } from './types.ts';

export type MomentKind =
  | 'rewrite' | 'recursion' | 'costly_call' | 'sentinel' | 'structure' | 'nested_loops' | 'slow' | 'edge' | 'sort_cost' | 'exceptions' | 'running'
  | 'role' | 'purpose';

/** Most revealing first. */
export const MOMENT_ORDER: readonly MomentKind[] = [
  'rewrite', 'recursion', 'costly_call', 'sentinel', 'structure', 'nested_loops', 'slow', 'edge', 'sort_cost', 'exceptions', 'running', 'role', 'purpose',
];

export const MOMENT_PRIORITY: Record<MomentKind, number> = {
  rewrite: 92, recursion: 88, costly_call: 84, sentinel: 80, structure: 76, nested_loops: 74, slow: 70, edge: 65, sort_cost: 60, exceptions: 55, running: 50, role: 45, purpose: 35,
};

/** The question topic each moment is asked as (a rewrite without a new structure is a time question). */
export const MOMENT_TOPIC: Record<MomentKind, string> = {
  rewrite: 'data_structure_choice', recursion: 'recursion', costly_call: 'hidden_linear_cost', sentinel: 'initial_value',
  structure: 'data_structure_choice', nested_loops: 'time_complexity', slow: 'time_complexity', edge: 'edge_cases', sort_cost: 'time_complexity',
  exceptions: 'exceptions', running: 'variable_role', role: 'variable_role', purpose: 'purpose',
};

export interface Moment {
  kind: MomentKind;
  topic: string;
  /** the line the question is about */
  line: number;
  /** stable while the code behind it stays: a moment with the same id was already there */
  id: string;
  call?: LinearCallFacts;
  sentinel?: SentinelFacts;
  structure?: DataStructureFacts;
  role?: VariableRoleFacts;
  running?: RunningFacts;
}

export const SLOW_CLASSES = new Set(['O(n^2)', 'O(n^3)', 'O(2^n)']);
const CLASS_RANK = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)'];
export const classRank = (c: string): number => CLASS_RANK.indexOf(c);

const TINY_LINES = 5;

/**
 * A few lines with no loop, no recursion and no sort: a `max(a, b)` or `clamp` helper. Asking about
 * it reveals nothing a question about the code that calls it would not.
 */
export function isTinyHelper(f: FunctionFacts): boolean {
  return !f.loops.length && !f.recursive && !f.sortCalls.length && !f.hasTryCatch.length && f.endLine - f.startLine + 1 <= TINY_LINES;
}

/** The main path returns a value at its end (older facts without `finished` fall back on any return). */
export const looksFinished = (f: FunctionFacts): boolean => (f.finished ?? f.returns) && !f.hasError && !f.partial;

const HASHED = new Set(['map', 'set']);

/**
 * The structure that carries the function's idea: a hash map or set, one used for lookups first.
 * (Heaps and deques are asked about through their costs: a heap push, a front removal.)
 */
export function chosenStructure(f: FunctionFacts, structures: DataStructureFacts[]): DataStructureFacts | undefined {
  const own = structures.filter((d) => d.function === f.name && d.name && HASHED.has(d.kind));
  return own.find((d) => d.membership) ?? own[0];
}

// Roles whose meaning is the algorithm's idea ("what does stack hold?"), most telling first; a running
// total says no more than the function's purpose.
const ROLE_ORDER = ['container', 'most_wanted_holder', 'walker', 'follower', 'flag'];

/** The variable whose job, asked about, says most: a stack or queue the function keeps, else a holder, a walker… */
function telling(f: FunctionFacts, structures: DataStructureFacts[]): VariableRoleFacts | undefined {
  const sentinels = new Set((f.sentinels ?? []).map((s) => s.name));
  const kindOf = (name: string) => structures.find((d) => d.function === f.name && d.name === name)?.kind;
  const roles = f.variableRoles.filter((r) => ROLE_ORDER.includes(r.role) && !sentinels.has(r.name) && !f.params.includes(r.name) &&
    (r.role !== 'container' || ['stack', 'deque', 'heap'].includes(kindOf(r.name) ?? '')));
  return roles.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))[0];
}

/** The line of a sort that runs on every pass of a loop (not one in the loop's own header, which runs once). */
export function sortInLoop(f: FunctionFacts): number | undefined {
  return f.sortCalls.find((l) => f.loops.some((loop) => loop.line < l && l <= loop.endLine));
}

/** Moments present in `f` now, most revealing first; none for a tiny helper. The rewrite needs history: see the trigger. */
export function momentsOf(f: FunctionFacts, structures: DataStructureFacts[]): Moment[] {
  if (f.partial || f.name === '<module>' || isTinyHelper(f)) return [];
  const out: Moment[] = [];
  const add = (kind: MomentKind, line: number, id: string, extra: Partial<Moment> = {}) =>
    out.push({ kind, topic: MOMENT_TOPIC[kind], line, id: `${kind}:${id}`, ...extra });
  if (f.recursive) add('recursion', f.recursionCalls[0] ?? f.startLine, '');
  const call = f.linearCallsInLoops[0];
  const sorted = sortInLoop(f);
  if (call) add('costly_call', call.line, call.expr, { call });
  // A sort on every pass (`key = "".join(sorted(w))`) is the costly call a complexity answer must count.
  else if (sorted !== undefined) add('costly_call', sorted, `sort:${sorted}`, { topic: 'time_complexity' });
  const sentinel = f.sentinels?.[0];
  // `lo = prices[0]` with no check first: why that start and what an empty input does are one question.
  const unguarded = sentinel?.kind === 'first' && f.indexFirst.some((e) => e.line === sentinel.line);
  if (sentinel) add('sentinel', sentinel.line, `${sentinel.name}=${sentinel.init}`, { sentinel, ...(unguarded ? { topic: 'edge_cases' } : {}) });
  const structure = chosenStructure(f, structures);
  if (structure) add('structure', structure.line, `${structure.name}:${structure.kind}`, { structure });
  const nested = f.nestedSameCollection;
  if (nested && SLOW_CLASSES.has(f.complexityEstimate)) add('nested_loops', nested.innerLine, nested.collection);
  else if (SLOW_CLASSES.has(f.complexityEstimate) && !call && sorted === undefined && !f.recursive) add('slow', f.dominantLine ?? f.startLine, f.complexityEstimate);
  const edge = f.indexFirst[0];
  if (edge && !(sentinel?.kind === 'first' && sentinel.line === edge.line)) add('edge', edge.line, edge.expr);
  // A sort before the loop sets the cost (INTERVIEWING.md: "a sort" is a time-complexity trigger).
  const sortLine = f.sortCalls[0];
  if (sortLine !== undefined && sorted === undefined && f.complexityEstimate === 'O(n log n)') add('sort_cost', sortLine, `sort:${sortLine}`);
  const tc = f.hasTryCatch[0];
  if (tc) add('exceptions', tc.catchLine, tc.caught ?? '');
  // A running total stored at each index (product-except-self) or a prefix table is the idea itself;
  // a prefix table one slot longer than its input is asked as its bounds.
  const running = f.running?.[0];
  const role = telling(f, structures);
  if (running) {
    add('running', running.at, `${running.name}:${running.kind}`, { running, role: { name: running.name, role: running.kind === 'prefix_table' ? 'container' : 'gatherer', line: running.at },
      ...(running.extraSlot ? { topic: 'loop_bounds' } : {}) });
  } else if (role) add('role', role.line, `${role.name}:${role.role}`, { role });
  add('purpose', f.startLine, '');
  return out;
}

/** Topics in the order the moments present in `f` rank them (for the interviewer's fallback). */
export function topicsByMoment(f: FunctionFacts, structures: DataStructureFacts[]): string[] {
  return [...new Set(momentsOf(f, structures).filter((m) => m.kind !== 'purpose').map((m) => m.topic))];
}

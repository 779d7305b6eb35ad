// The built-in rubric: for each kind of question, the concepts a good answer holds (with the words a
// candidate may use for them), how many make an answer complete, and which knowledge-base chunks
// refine it. This is the offline baseline; kb.ts merges the shipped knowledge base on top when it
// loads, so grading never depends on Chroma or on the KB being present.
import type { Concept, Misconception } from './expected.ts';

export interface RubricEntry {
  concepts: Concept[];
  /** concepts that make an answer complete (completeness = hits / need) */
  need: number;
  /** knowledge-base chunk ids whose concepts and misconceptions refine this entry */
  kb: string[];
  misconceptions?: Misconception[];
}

const c = (name: string, ...synonyms: string[]): Concept => ({ name, synonyms });

const SCAN = c('linear scan', 'scans', 'scan the list', 'checks each element', 'checks every element', 'compares against every',
  'walks the list', 'goes through the whole', 'linear search', 'one by one', 'every element', 'each element', 'whole list');
const SET_OR_MAP = c('use a set or map', 'set', 'hash set', 'hashset', 'dict', 'dictionary', 'map', 'hash map', 'hashmap',
  'unordered_set', 'unordered_map', 'hash table', 'lookup table');
const O1_LOOKUP = c('constant-time lookup', 'o(1) lookup', 'constant time', 'o(1)', 'hash lookup', 'o(1) on average', 'instant lookup');
const QUAD_OVERALL = c('quadratic overall', 'o(n^2)', 'quadratic', 'n^2', 'n squared', 'n times n', 'every pass');
const DOMINATING = c('dominating line', 'dominates', 'dominating', 'bottleneck', 'most expensive', 'hot loop', 'runs the most', 'most often');
const ITERATIONS = c('loop iteration count', 'runs n times', 'iterations', 'once per element', 'for each element', 'each element once',
  'single pass', 'one pass', 'visits each', 'n times');

export const RUBRIC: Record<string, RubricEntry> = {
  'time.nested': { need: 2, kb: ['complexity.nested-loops', 'complexity.dominating-term'], concepts: [
    c('quadratic', 'o(n^2)', 'n^2', 'n squared', 'n*n'),
    c('every pair', 'each pair', 'all pairs', 'pairwise', 'every other', 'n(n-1)/2', 'n^2/2', 'comparisons', 'rest of'),
    c('inner loop runs n times per outer pass', 'inner loop', 'nested loop', 'loop inside', 'for every i', 'for each i',
      'for each element', 'per outer', 'n times for each', 'inside the outer loop', 'for each pass'),
    DOMINATING,
  ] },
  'time.linear_call': { need: 2, kb: ['complexity.linear-call-in-loop', 'complexity.hidden-membership'], concepts: [
    c('call scans the collection', ...SCAN.synonyms, 'linear call', 'o(n) per', 'hidden loop'), QUAD_OVERALL, DOMINATING,
    c('hoist or precompute', 'set', 'dict', 'map', 'hash', 'precompute', 'hoist', 'outside the loop', 'once before'),
  ] },
  'time.recursion': { need: 2, kb: ['recursion.branching-cost', 'dynamic-programming.overlapping-subproblems'], concepts: [
    c('exponential', 'o(2^n)', '2^n', 'doubles', 'exponentially'),
    c('calls times work per call', 'two calls', 'calls itself twice', 'branches', 'recursion tree', 'number of calls', 'each call makes'),
    c('overlapping subproblems', 'recomputes', 'same values again', 'repeated work', 'computed again', 'recalculates'),
    c('memoisation', 'memoization', 'memo', 'cache', 'lru_cache', 'dynamic programming', 'bottom-up', 'iterative'),
  ] },
  'time.sort': { need: 2, kb: ['sorting.n-log-n'], concepts: [
    c('linearithmic', 'n log n', 'o(n log n)'), c('sort dominates', 'sort', 'sorting', 'dominates'), ITERATIONS,
  ] },
  'time.halving': { need: 2, kb: ['complexity.halving'], concepts: [
    c('logarithmic', 'log n', 'o(log n)'), c('halves each step', 'halves', 'half', 'divides by two', 'cuts the range'),
    c('number of halvings', 'how many times', 'about 20 steps', 'log2'),
  ] },
  'time.linear': { need: 2, kb: ['complexity.dominating-term', 'hashing.complement-lookup'], concepts: [
    c('linear', 'o(n)', 'linear time'), ITERATIONS, O1_LOOKUP, DOMINATING,
  ] },
  'space.structure': { need: 2, kb: ['complexity.auxiliary-space', 'complexity.space-growth-in-loop'], concepts: [
    c('extra memory', 'extra space', 'additional memory', 'auxiliary', 'memory'),
    c('names the growing structure', 'grows', 'one entry per', 'stores', 'holds', 'up to n'),
    c('linear space', 'o(n)', 'linear'),
  ] },
  'space.stack': { need: 2, kb: ['recursion.depth-and-stack'], concepts: [
    c('stack frames use memory', 'call stack', 'stack frame', 'frames', 'stack space', 'stack memory'),
    c('depth class', 'depth', 'deep', 'levels', 'height'), c('recursion limit', 'stack overflow', 'recursionerror', 'limit'),
  ] },
  'space.constant': { need: 1, kb: ['complexity.auxiliary-space'], concepts: [
    c('constant extra space', 'o(1)', 'constant', 'few variables', 'no extra', 'in place', 'only a few'),
    c('extra memory', 'extra space', 'memory'),
  ] },
  'hidden.membership': { need: 2, kb: ['complexity.hidden-membership'], concepts: [SCAN, SET_OR_MAP, O1_LOOKUP, QUAD_OVERALL] },
  'hidden.shift': { need: 2, kb: ['complexity.hidden-front-insert', 'graphs.queue-pop-front'], concepts: [
    c('shifts every element', 'shifts', 'moves every element', 'moves all', 'reindex', 'copies the rest', 'linear'),
    c('deque', 'collections.deque', 'popleft', 'appendleft', 'arraydeque', 'linked list', 'queue'),
    c('head index', 'index pointer', 'keep an index', 'start index', 'reverse at the end', 'append and reverse'), QUAD_OVERALL,
  ] },
  'hidden.concat': { need: 2, kb: ['complexity.hidden-string-concat'], concepts: [
    c('strings are immutable', 'immutable', 'new string', 'copies', 'copy the whole string'), QUAD_OVERALL,
    c('join or builder', 'join', 'stringbuilder', 'string builder', 'strings.builder', 'list of parts', 'ostringstream', 'append to a list'),
  ] },
  'hidden.aggregate': { need: 2, kb: ['complexity.linear-call-in-loop'], concepts: [
    c('call scans the collection', ...SCAN.synonyms), QUAD_OVERALL,
    c('hoist or precompute', 'hoist', 'precompute', 'outside the loop', 'once before', 'running', 'keep track', 'prefix'),
  ] },
  'ds.set': { need: 2, kb: ['hashing.set-membership'], misconceptions: [], concepts: [
    c('constant-time membership', 'o(1) lookup', 'o(1)', 'constant time', 'hash lookup', 'faster lookup', 'faster membership', 'faster to check'),
    c('list scan is linear', 'o(n) lookup', 'scans the list', 'linear search', 'checks each element', 'o(n)', 'linear'),
    c('duplicates removed', 'no duplicates', 'unique', 'only once', 'deduplicates'),
    c('no order or index', 'unordered', 'no index', 'order is lost', 'not sorted', 'no order', 'insertion order', 'cannot index'),
    c('more memory', 'memory overhead', 'uses more memory', 'extra space', 'buckets', 'more space'),
  ] },
  'ds.map': { need: 2, kb: ['hashing.map-counting', 'hashing.complement-lookup'], concepts: [
    c('constant-time membership', 'o(1) lookup', 'o(1)', 'constant time', 'hash lookup', 'faster lookup'),
    c('key to value', 'maps', 'key is', 'value is', 'keyed by', 'index of', 'stores the index', 'remembers where'),
    c('list scan is linear', 'o(n) lookup', 'scans', 'linear search', 'o(n)', 'linear'),
    c('more memory', 'memory overhead', 'extra space', 'more space', 'o(n) space'),
  ] },
  'edge.empty': { need: 2, kb: ['testing.empty-input'], concepts: [
    c('exact outcome', 'indexerror', 'valueerror', 'zerodivisionerror', 'undefined', 'nan', 'indexoutofboundsexception', 'panic',
      'returns none', 'returns 0', 'throws', 'raises', 'crashes', 'undefined behavio'),
    c('assumes an element', 'first element', 'at least one element', 'no elements', 'index 0', 'length is zero', 'len is 0', 'empty'),
    c('intended or not', 'intended', 'on purpose', 'should raise', 'should return', 'guard', 'check first', 'caller', 'validate'),
  ] },
  'recursion.linear': { need: 3, kb: ['recursion.base-case', 'recursion.depth-and-stack'], concepts: [
    c('base case condition', 'base case', 'stops when', 'stopping condition'),
    c('depth class', 'deep', 'depth', 'levels', 'frames', 'calls on the stack'),
    c('stack frames use memory', 'call stack', 'stack frame', 'stack space'),
    c('recursion limit', 'stack overflow', 'recursionerror', 'maximum recursion depth', 'maximum call stack', 'stackoverflowerror', '1000'),
  ] },
  'recursion.branching': { need: 3, kb: ['recursion.base-case', 'recursion.branching-cost', 'recursion.depth-and-stack'], concepts: [
    c('base case condition', 'base case', 'stops when', 'stopping condition'),
    c('depth class', 'deep', 'depth', 'levels', 'frames', 'height'),
    c('exponential', 'o(2^n)', '2^n', 'doubles', 'million', 'exponentially', '1.6^n'),
    c('memoisation', 'memoization', 'memo', 'cache', 'lru_cache', 'dynamic programming', 'iterative', 'bottom-up'),
  ] },
  'initial.max_zero': { need: 2, kb: ['variables.sentinel-initial', 'testing.negatives-and-zero'], concepts: [
    c('all-negative counterexample', 'negative', 'negatives', 'below zero', 'less than 0', 'less than zero'),
    c('first element start', 'first element', 'nums[0]', 'the first value', 'first item'),
    c('sentinel', '-inf', '-infinity', 'negative infinity', 'min_value', 'int_min', 'minint', 'smallest possible', 'none'),
    c('empty input with that start', 'empty', 'no values', 'no elements'),
  ] },
  'initial.sentinel': { need: 2, kb: ['variables.sentinel-initial', 'variables.min-value-pitfalls'], concepts: [
    c('sentinel', 'smaller than any', 'larger than any', 'any value beats', 'any element replaces', 'first comparison', 'always replaced', 'identity'),
    c('empty input with that start', 'empty', 'no values', 'no elements', 'leaks', 'returned as is'),
    c('overflow at the extremes', 'overflow', 'negative infinity', 'infinity'),
  ] },
  'initial.identity': { need: 2, kb: ['variables.identity-initial'], concepts: [
    c('identity element', 'identity', 'adding 0', 'adding zero', 'multiplying by 1', 'does not change', "doesn't change", 'neutral'),
    c('empty input result', 'empty', 'no values', 'no elements', 'empty sum', 'returns 0', 'returns 1'),
    c('double counting the first', 'counted twice', 'double count'),
  ] },
  'initial.first': { need: 2, kb: ['variables.sentinel-initial', 'testing.empty-input'], concepts: [
    c('first element start', 'first element', 'first value', 'index 0'),
    c('empty input with that start', 'empty', 'no elements', 'indexerror', 'out of range', 'undefined', 'crash'),
    c('compared with itself', 'compared with itself', 'start the loop at 1', 'skip the first'),
  ] },
  exceptions: { need: 2, kb: ['exceptions.which-line-throws'], concepts: [
    c('the raising statement', 'line', 'raises', 'throws', 'panics', 'this call'),
    c('triggering input', 'input', 'for example', 'e.g', 'such as', 'passing', 'called with'),
    c('exception type', 'valueerror', 'numberformatexception', 'invalid_argument', 'syntaxerror', 'exception', 'error'),
  ] },
  guard: { need: 2, kb: ['exceptions.guard-purpose', 'code-reading.early-return-guards'], concepts: [
    c('names the hazard', 'crash', 'error', 'exception', 'divide by zero', 'out of range', 'null', 'empty'),
    c('triggering input', 'input', 'when', 'if the', 'for example', 'e.g'),
    c('guard kind', 'guard', 'check', 'early return', 'special case'),
  ] },
  termination: { need: 2, kb: ['loops.while-termination'], concepts: [
    c('progress variable', 'increments', 'decrements', 'moves', 'shrinks', 'grows', 'halves', 'advances', 'increases', 'decreases'),
    c('exit condition', 'stops when', 'ends when', 'condition', 'becomes false', 'reaches', 'exceeds', 'crosses'),
    c('every path progresses', 'every pass', 'each iteration', 'every iteration', 'each pass', 'always'),
    c('infinite loop', 'infinite', 'forever', 'never ends', 'never stops', 'hang'),
  ] },
  loop_bounds: { need: 2, kb: ['loops.off-by-one', 'loops.neighbour-access'], concepts: [
    c('last index handled', 'last index', 'last element', 'final element', 'len - 1', 'length - 1', 'n - 1'),
    c('out of range', 'out of bounds', 'indexerror', 'past the end', 'overflow', 'undefined', 'index out of range'),
    c('skips the last element', 'skip', 'misses', 'one short', 'one too few', 'off by one', 'off-by-one'),
  ] },
  'loop_bounds.start': { need: 2, kb: ['loops.off-by-one'], concepts: [
    c('never paired with itself', 'itself', 'same element', 'same index', 'same number', 'with itself'),
    c('each pair once', 'once', 'twice', 'both orders', 'each pair', 'duplicate', 'again', 'already checked', 'every pair'),
    c('nothing skipped', 'skip', 'misses', 'all pairs', 'no pair is missed'),
  ] },
  purpose: { need: 1, kb: ['code-reading.purpose-summary'], concepts: [
    c('result in problem terms', 'returns', 'finds', 'computes', 'counts', 'checks whether', 'gives back', 'produces', 'determines'),
    c('special-case result', 'empty', 'not found', 'no pair', 'otherwise', 'if none', 'none', 'null', '-1'),
  ] },
  testing: { need: 3, kb: ['testing.three-tests', 'testing.empty-input', 'testing.duplicates'], concepts: [
    c('typical case', 'normal case', 'happy path', 'ordinary', 'typical', 'example', 'basic case', 'regular'),
    c('boundary case', 'empty', 'single element', 'one element', 'boundary', 'edge case', 'smallest', 'zero elements'),
    c('risk-specific case', 'duplicates', 'negative', 'not found', 'no solution', 'ties', 'all equal', 'large', 'same value', 'zero'),
    c('expected output', 'expected', 'should return', 'assert', 'equals', 'returns', 'result is', '->', '=='),
  ] },
  scale: { need: 2, kb: ['complexity.scale-large-input', 'complexity.scale-out-of-memory'], concepts: [
    c('names the bottleneck', 'bottleneck', 'dominates', 'inner loop', 'nested loop', 'the loop', 'line', 'most of the time'),
    c('estimates operations', '10^14', '10^7', 'trillion', 'billion', 'million', 'operations', 'hours', 'days', 'years', 'too slow'),
    c('concrete remedy', 'hash', 'set', 'map', 'dict', 'sort', 'two pointers', 'memo', 'cache', 'index'),
    c('streaming', 'stream', 'chunk', 'chunking', 'batch', 'external sort', 'one pass', 'generator', 'iterator', 'disk', 'database'),
  ] },
};

const ROLE_TERMS: Record<string, string[]> = {
  gatherer: ['running total', 'total', 'sum so far', 'accumulat', 'accumulates', 'adds up', 'collects', 'sum of', 'combined'],
  most_wanted_holder: ['largest so far', 'biggest so far', 'maximum so far', 'max so far', 'smallest so far', 'minimum so far',
    'best so far', 'current max', 'current min', 'highest', 'lowest', 'maximum', 'minimum', 'largest', 'smallest', 'best'],
  most_recent_holder: ['current element', 'current value', 'latest', 'most recent', 'this item', 'current one'],
  follower: ['previous', 'prev', 'one step behind', 'the one before', 'last value', 'trailing'],
  flag: ['whether', 'flag', 'true if', 'true once', 'found', 'marks', 'has seen', 'boolean'],
  walker: ['current node', 'walks', 'traverses', 'next node', 'moves along', 'follows the links', 'pointer'],
  container: ['collects', 'stores', 'holds the', 'keeps track', 'remembers', 'seen', 'visited', 'already', 'all the'],
  stepper: ['index', 'counter', 'position', 'steps through', 'counts up', 'increments', 'loop variable'],
  fixed: ['constant', 'never changes', 'assigned once', 'fixed', 'limit'],
  bound: ['index', 'position', 'end of the search', 'search range', 'right end', 'left end', 'boundary', 'bound', 'edge of the range', 'half'],
};

const ROLE_KB: Record<string, string> = {
  gatherer: 'variables.gatherer', most_wanted_holder: 'variables.most-wanted-holder', most_recent_holder: 'variables.most-recent-follower',
  follower: 'variables.most-recent-follower', flag: 'variables.flag-temporary', walker: 'variables.walker-container',
  container: 'variables.walker-container', stepper: 'variables.stepper-fixed', fixed: 'variables.stepper-fixed',
};

/** A role in words a hiring team reads (Sajaniemi's names are jargon). */
const ROLE_PLAIN: Record<string, string> = {
  gatherer: 'a running total', most_wanted_holder: 'the best value so far', most_recent_holder: 'the current element',
  follower: 'the previous value', flag: 'a flag recording whether something happened', walker: 'a pointer walking the structure',
  container: 'a collection of what has been seen', stepper: 'a counter stepping through', fixed: 'a fixed value',
  bound: 'an index bounding the search range (a position, not a value)',
};

export function rolePlain(role: string): string {
  return ROLE_PLAIN[role] ?? role.replace(/_/g, ' ');
}

export function roleTerms(role: string): string[] {
  return ROLE_TERMS[role] ?? [];
}

export function roleEntry(role: string): RubricEntry {
  return {
    need: 2, kb: ROLE_KB[role] ? [ROLE_KB[role]] : [],
    concepts: [
      c('the role in plain words', ...roleTerms(role)),
      c('value after the loop', 'after the loop', 'at the end', 'ends up', 'finally', 'when the loop finishes', 'returned'),
      c('how it is updated', 'updated', 'each pass', 'every iteration', 'replaced', 'compared', 'added', 'appended'),
    ],
  };
}

/** The entry for a variant, else for its topic's usual variant, else an empty one fed only by the KB. */
export function rubricFor(variant: string | undefined, topic: string | null): RubricEntry {
  if (variant && RUBRIC[variant]) return RUBRIC[variant];
  if (variant?.startsWith('role.')) return roleEntry(variant.slice(5));
  const byTopic: Record<string, string> = {
    time_complexity: 'time.nested', space_complexity: 'space.structure', hidden_linear_cost: 'hidden.membership',
    data_structure_choice: 'ds.set', edge_cases: 'edge.empty', recursion: 'recursion.linear', initial_value: 'initial.max_zero',
    guard_purpose: 'guard', loop_bounds: 'loop_bounds', variable_role: 'role.container',
  };
  const key = topic ? (byTopic[topic] ?? topic) : '';
  if (RUBRIC[key]) return RUBRIC[key];
  if (key.startsWith('role.')) return roleEntry(key.slice(5));
  return { need: 2, kb: [], concepts: [] };
}

// Public shapes of the static analysis. Everything here is plain JSON-serialisable data so a
// snapshot's analysis can be cached and compared with the next one without re-parsing.

export type LanguageId = 'python' | 'javascript' | 'typescript' | 'java' | 'cpp' | 'go';

export type LoopKind = 'for' | 'while' | 'do' | 'foreach';

export type ComplexityClass =
  | 'O(1)'
  | 'O(log n)'
  | 'O(n)'
  | 'O(n log n)'
  | 'O(n^2)'
  // A sort or other n log n call inside a loop (sorting each word of a list).
  | 'O(n^2 log n)'
  | 'O(n^3)'
  | 'O(2^n)';

/** Every class, cheapest first (a Record, so adding a class without ranking it fails to compile). */
export const COMPLEXITY_RANK: Record<ComplexityClass, number> = {
  'O(1)': 0, 'O(log n)': 1, 'O(n)': 2, 'O(n log n)': 3, 'O(n^2)': 4, 'O(n^2 log n)': 5, 'O(n^3)': 6, 'O(2^n)': 7,
};

export type DataStructureKind =
  | 'list'
  | 'set'
  | 'map'
  | 'heap'
  | 'deque'
  | 'stack'
  | 'array'
  | 'string_builder';

export type VariableRole =
  | 'stepper'
  | 'gatherer'
  | 'most_wanted_holder'
  | 'most_recent_holder'
  | 'follower'
  | 'flag'
  | 'walker'
  | 'container'
  | 'fixed';

export type GuardKind =
  | 'empty_check'
  | 'null_check'
  | 'zero_division'
  | 'bounds'
  | 'early_return'
  // Go's `if err != nil`: the idiomatic stand-in for try/catch.
  | 'error_check';

export interface LoopFacts {
  line: number;
  endLine: number;
  kind: LoopKind;
  /** 1 = outermost loop of the function. */
  depth: number;
  /** Base identifier the loop walks or is bounded by: `range(len(nums))` → `nums`, `i < n` → `n`. */
  iterates?: string;
  /** Loop variable(s) as written (`i`, `i, x`). */
  variable?: string;
  /** The loop divides/multiplies its progress variable by a constant (binary search, digit loops). */
  /** steps by an enclosing loop's variable (`range(i * i, n, i)`): n/i passes, log n over the outer loop */
  harmonic?: boolean;
  /** one pass per r-tuple of the input (`combinations(nums, 2)`): n^r passes */
  power?: number;
  /** a worklist walk over a grid from one start: each of the m·n cells once (n^2 passes) */
  cells?: boolean;
  /** walks the digits (characters) of a counter turned into text: log n passes */
  digits?: boolean;
  halving?: boolean;
  /** Bounded by a literal (`range(26)`, `i < 4`, `for d in [(0,1),(1,0)]`): costs O(1). */
  constantBound?: boolean;
  /**
   * An inner loop whose pointer is never reset by the outer loop (sliding window, two pointers):
   * it advances at most n times in total, so it adds to the outer loop's cost instead of multiplying.
   */
  amortized?: boolean;
  /**
   * Exponentially many passes: the loop appends to the collection whose size it captured
   * (`size := len(res)`) once per pass of an outer loop, so it doubles every outer pass (iterative
   * subsets), or its bound is a power of two (`mask < 1 << n`).
   */
  doubling?: boolean;
  /** Recovered from a half-typed line the parser could not place; it has no body yet. */
  partial?: boolean;
}

export interface NestedSameCollection {
  outerLine: number;
  innerLine: number;
  collection: string;
}

export interface TryCatchFacts {
  tryLine: number;
  catchLine: number;
  /** Exception type as written (`ZeroDivisionError`, `NumberFormatException`); absent for JS. */
  caught?: string;
  /** Lines inside the try body holding a call, subscript or division: what could throw. */
  riskyLines: number[];
}

// 'copy': a slice, substring or list rebuilt from itself whose length grows with the input.
export type LinearCallKind = 'membership' | 'search' | 'shift' | 'concat' | 'aggregate' | 'copy';

export interface LinearCallFacts {
  line: number;
  expr: string;
  kind: LinearCallKind;
}

export interface GuardFacts {
  line: number;
  kind: GuardKind;
  text: string;
}

export interface IndexFirstFacts {
  line: number;
  param: string;
  /** How the empty input would hurt: `p[0]`, `max(p)`, `x / len(p)`. */
  via: 'index' | 'max_min' | 'div_len';
  expr: string;
}

export interface VariableRoleFacts {
  name: string;
  role: VariableRole;
  line: number;
  init?: string;
}

/**
 * A variable started at a value chosen to be beaten (INTERVIEWING.md, initial value): a sentinel
 * such as `Integer.MAX_VALUE` or `float('inf')`, or the first element (`nums[0]`), later replaced.
 */
export interface SentinelFacts {
  name: string;
  line: number;
  /** the starting value as written */
  init: string;
  /**
   * `max`: above every real value (a minimum is sought); `min`: below; `first`: an element of the
   * input; `literal`: a plain number (`best = 0`) for a variable that keeps the largest or smallest.
   */
  kind: 'max' | 'min' | 'first' | 'literal';
  /** the sentinel fills a table (`dist = [inf] * n`, `Arrays.fill(dp, MAX)`) rather than one variable */
  container?: boolean;
}

/**
 * A running value whose meaning is the algorithm's idea (sentinels.ts): a running total or product
 * stored at each index (`out[i] = prefix` in product-except-self), or a table whose every entry is
 * built from an earlier one (`prefix[i + 1] = prefix[i] + nums[i]`).
 */
export interface RunningFacts {
  name: string;
  /** where it is declared */
  line: number;
  /** where it is stored or extended inside the loop */
  at: number;
  kind: 'stored_total' | 'prefix_table';
  /** a prefix table sized one more than its input (`[0] * (n + 1)`): an off-by-one to ask about */
  extraSlot?: boolean;
}

/** The slowest clean version of a function seen earlier in the session: what a rewrite is measured against. */
export interface CostMemory {
  name: string;
  params: string[];
  complexity: ComplexityClass;
  lines: [number, number];
  nested?: NestedSameCollection | null;
  linearCall?: LinearCallFacts;
  /** structure kinds the function used then (`list`, `map`...) */
  structures: string[];
  /** body fingerprint then: an unchanged body is no rewrite, whatever its callees did to the estimate */
  shape: string;
  /** the function's name now, when it was renamed or rewritten under a new name */
  renamedTo?: string;
  /** still present beside its faster version (`two_sum_brute` next to `two_sum`) */
  sibling?: boolean;
}

export interface FunctionFacts {
  name: string;
  startLine: number;
  endLine: number;
  params: string[];
  loops: LoopFacts[];
  maxLoopDepth: number;
  nestedSameCollection: NestedSameCollection | null;
  recursive: boolean;
  recursionCalls: number[];
  baseCaseLine?: number;
  /** Has a `return <value>` (or an expression-bodied arrow). */
  returns: boolean;
  /**
   * The main path ends by returning a value (or raising): the last statement of the body is a
   * `return x`, or an if/else whose every branch ends so. A guard clause's early return is not it.
   */
  finished?: boolean;
  /** Variables started at a sentinel or at the first element, then replaced (sentinels.ts). */
  sentinels?: SentinelFacts[];
  /** Running totals stored per index and prefix tables (sentinels.ts). */
  running?: RunningFacts[];
  hasTryCatch: TryCatchFacts[];
  linearCallsInLoops: LinearCallFacts[];
  guards: GuardFacts[];
  indexFirst: IndexFirstFacts[];
  sortCalls: number[];
  variableRoles: VariableRoleFacts[];
  complexityEstimate: ComplexityClass;
  /** The loop, sort or call line that sets the estimate ("which line dominates?"). */
  dominantLine?: number;
  /** Plain words for why the estimate is what it is, consistent with it: usable as an answer key's reason. */
  complexityReason?: string;
  /** Parse errors fall inside this function (it is probably still being typed). */
  hasError: boolean;
  /** Found only by the header fallback on broken code; body facts are empty. */
  partial?: boolean;
  /** Opaque, name-independent fingerprint of the body's structure (MinHash), used to recognise renames. */
  shape: string;
}

export interface DataStructureFacts {
  kind: DataStructureKind;
  name?: string;
  line: number;
  /** Enclosing function; absent at module level. */
  function?: string;
  /** The variable is only/also used for membership tests (`x in seen`, `seen.has(x)`). */
  membership?: boolean;
}

export interface TestFacts {
  line: number;
  /** Test function name, test title, or `assert`. */
  name: string;
  /** The candidate function exercised, when one is called inside. */
  target?: string;
}

export interface CodeAnalysis {
  language: LanguageId;
  parseOk: boolean;
  /** Share of the source the parser could not place (0 = clean). */
  errorRatio: number;
  lines: number;
  functions: FunctionFacts[];
  dataStructures: DataStructureFacts[];
  tests: TestFacts[];
  imports: string[];
  /** Script-style code outside any function, when it contains loops. */
  topLevel?: FunctionFacts;
  /**
   * Set by the trigger, not by analyzeCode: the slowest clean version of each function seen so far
   * in the session, carried from snapshot to snapshot so a rewrite is recognised after half-typed steps.
   */
  memory?: CostMemory[];
}

export type StructuralChangeKind =
  | 'function_added'
  | 'function_removed'
  | 'function_renamed'
  | 'loop_added'
  | 'nesting_deeper'
  | 'recursion_added'
  | 'data_structure_switched'
  | 'data_structure_added'
  | 'error_handling_added'
  | 'tests_added'
  | 'function_completed';

export interface StructuralChange {
  kind: StructuralChangeKind;
  function?: string;
  lines?: [number, number];
  detail: string;
  from?: string;
  to?: string;
}

export interface DiffStats {
  added: number;
  removed: number;
  /** 1-based line numbers in the new code that were added or rewritten. */
  changedLines: number[];
}

// What the interviewer knows about the code: the trigger's facts when it sent them, else the static
// analysis run here (diff-based triggers send none). The analysis is also run when facts exist, to
// get what the facts leave out (function span, loop ends, data structures), on the same snapshot.
import { z } from 'zod';
import { analyzeCode, type CodeAnalysis, type DataStructureFacts, type FunctionFacts } from '../../../shared/analysis/index.ts';
import { isTinyHelper } from '../../../shared/analysis/moments.ts';
import type { QuestionInput } from '../provider.ts';
import { Lines } from './text.ts';

const int = z.number().int();
const LOOP_KINDS = ['for', 'while', 'do', 'foreach'] as const;
const GUARD_KINDS = ['empty_check', 'null_check', 'zero_division', 'bounds', 'early_return', 'error_check'] as const;
const ROLES = ['stepper', 'gatherer', 'most_wanted_holder', 'most_recent_holder', 'follower', 'flag', 'walker', 'container', 'fixed'] as const;
const CALL_KINDS = ['membership', 'search', 'shift', 'concat', 'aggregate', 'copy'] as const;
const COMPLEXITIES = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^2 log n)', 'O(n^3)', 'O(2^n)'] as const;

const IndexFirst = z.object({ line: int, param: z.string(), via: z.enum(['index', 'max_min', 'div_len']), expr: z.string() });
const Role = z.object({ name: z.string(), role: z.enum(ROLES), line: int, init: z.string().optional() });
const LinearCall = z.object({ line: int, expr: z.string(), kind: z.enum(CALL_KINDS) });

// Each field falls back on its own, so one odd field never discards the rest of the facts.
const Facts = z.object({
  function: z.string().min(1),
  params: z.array(z.string()).catch([]),
  complexity: z.enum(COMPLEXITIES).catch('O(1)'),
  dominantLine: int.optional().catch(undefined),
  maxLoopDepth: int.catch(0),
  nested: z.object({ outerLine: int, innerLine: int, collection: z.string() }).nullable().catch(null),
  recursive: z.boolean().catch(false),
  baseCaseLine: int.optional().catch(undefined),
  recursionCalls: z.array(int).catch([]),
  linearCalls: z.array(LinearCall).catch([]),
  indexFirst: z.array(IndexFirst).catch([]),
  guards: z.array(z.object({ line: int, kind: z.enum(GUARD_KINDS), text: z.string() })).catch([]),
  roles: z.array(Role).catch([]),
  tryCatch: z.array(z.object({ tryLine: int, catchLine: int, caught: z.string().optional(), riskyLines: z.array(int) })).catch([]),
  loops: z.array(z.object({ line: int, kind: z.enum(LOOP_KINDS), iterates: z.string().optional(), depth: int })).catch([]),
});

const Sentinel = z.object({ name: z.string(), line: int, init: z.string(), kind: z.enum(['max', 'min', 'first', 'literal']), container: z.boolean().optional() });
const Structure = z.object({ kind: z.string(), name: z.string().optional(), line: int, function: z.string().optional(), membership: z.boolean().optional() });
// What a rewrite replaced (the trigger's memory of the slower version) and what it is now.
const Before = z.object({
  name: z.string(), complexity: z.enum(COMPLEXITIES), lines: z.tuple([int, int]),
  nested: z.object({ outerLine: int, innerLine: int, collection: z.string() }).nullable().optional().catch(undefined),
  linearCall: LinearCall.optional().catch(undefined), structures: z.array(z.string()).catch([]),
  sibling: z.boolean().optional().catch(undefined),
});

const Extras = z.object({
  edge: IndexFirst.optional().catch(undefined),
  role: Role.optional().catch(undefined),
  call: LinearCall.optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  sentinel: Sentinel.optional().catch(undefined),
  structure: Structure.optional().catch(undefined),
  before: Before.optional().catch(undefined),
  complexityBefore: z.enum(COMPLEXITIES).optional().catch(undefined),
  renamedFrom: z.string().optional().catch(undefined),
});
export type Extras = z.infer<typeof Extras>;

export interface CodeView {
  language: string;
  lines: Lines;
  analysis: CodeAnalysis | null;
  fn: FunctionFacts | null;
  structures: DataStructureFacts[];
  extras: Extras;
}

function fromFacts(raw: Record<string, unknown>, span: [number, number]): FunctionFacts | null {
  const p = Facts.safeParse(raw);
  if (!p.success) return null;
  const f = p.data;
  return {
    name: f.function, startLine: span[0], endLine: span[1], params: f.params,
    loops: f.loops.map((l) => ({ ...l, endLine: span[1] })), maxLoopDepth: f.maxLoopDepth, nestedSameCollection: f.nested,
    recursive: f.recursive, recursionCalls: f.recursionCalls, ...(f.baseCaseLine ? { baseCaseLine: f.baseCaseLine } : {}),
    returns: true, hasTryCatch: f.tryCatch, linearCallsInLoops: f.linearCalls, guards: f.guards, indexFirst: f.indexFirst,
    sortCalls: [], variableRoles: f.roles, complexityEstimate: f.complexity,
    ...(f.dominantLine ? { dominantLine: f.dominantLine } : {}), hasError: false, shape: '',
  };
}

const RANK: Record<string, number> = { 'O(1)': 0, 'O(log n)': 1, 'O(n)': 2, 'O(n log n)': 3, 'O(n^2)': 4, 'O(n^2 log n)': 4.5, 'O(n^3)': 5, 'O(2^n)': 6 };

/** How much there is to ask about: cost first, then the structures the templates feed on. */
export function interest(f: FunctionFacts): number {
  return (RANK[f.complexityEstimate] ?? 0) * 10 + (f.nestedSameCollection ? 5 : 0) + (f.recursive ? 6 : 0)
    + f.linearCallsInLoops.length * 4 + f.indexFirst.length * 3 + f.hasTryCatch.length * 2 + f.loops.length
    + (f.hasError ? -30 : 0) + (f.partial ? -40 : 0);
}

const TEST_NAME = /^(test|it|describe|should)[_A-Z]|^Test[A-Z]|^test$/;

/** The function to ask about: the named one if it exists in this code, else the most interesting. */
export function pickFunction(analysis: CodeAnalysis | null, named: string | undefined): FunctionFacts | null {
  if (!analysis) return null;
  const fns = analysis.functions.filter((f) => f.name !== '<module>');
  if (named) {
    const hit = fns.find((f) => f.name === named);
    if (hit) return hit;
  }
  const tested = new Set(analysis.tests.map((t) => t.name));
  const pool = fns.filter((f) => !TEST_NAME.test(f.name) && !tested.has(f.name) && !f.partial && !isTinyHelper(f));
  // Highest interest wins; on a tie the later function (probably the one written last).
  return [...(pool.length ? pool : fns)].sort((a, b) => interest(b) - interest(a) || b.startLine - a.startLine)[0] ?? null;
}

/** Whether a function of that name is defined in the raw text (when the analysis is unavailable). */
export function definedInText(code: string, name: string): boolean {
  const n = name.replace(/[$]/g, '\\$');
  return new RegExp(`(def|function|func|fn)\\s+(\\([^)]*\\)\\s*)?${n}\\s*[(<]|\\b${n}\\s*=\\s*(async\\s*)?(function|\\()|[\\w>\\]]\\s+${n}\\s*\\([^;]*\\)\\s*(const\\s*)?\\{?\\s*$`, 'm').test(code);
}

export async function readCode(input: QuestionInput): Promise<CodeView> {
  const lines = new Lines(input.code);
  let analysis: CodeAnalysis | null = null;
  try {
    analysis = await analyzeCode(input.code, input.language);
  } catch {
    analysis = null;
  }
  const facts = input.context.facts ?? {};
  const extras = Extras.safeParse(facts);
  const named = input.context.function ?? (typeof facts.function === 'string' ? facts.function : undefined);
  let fn = pickFunction(analysis, named);
  if (fn && named && fn.name !== named && !analysis?.functions.some((f) => f.name === named) && definedInText(input.code, named)) {
    // The analysis missed a function the text still has: fall back to the trigger's facts for it.
    fn = null;
  }
  if (!fn && named && definedInText(input.code, named)) {
    fn = fromFacts({ function: named, ...facts }, input.context.lines ?? [1, Math.max(1, lines.count)]);
  }
  const structures = analysis && fn ? analysis.dataStructures.filter((d) => d.function === fn.name) : [];
  return {
    language: analysis?.language ?? input.language.toLowerCase(), lines, analysis, fn, structures,
    extras: extras.success && fn?.name === named ? extras.data : {},
  };
}

/** The line where `name` is first assigned inside [from, to] (its initialisation). */
export function assignLine(lines: Lines, name: string, from: number, to: number): number | undefined {
  const re = new RegExp(`\\b${name.replace(/[$]/g, '\\$')}\\b[^=\\n]*?(?::=|(?<![=!<>])=(?!=))`);
  for (let l = from; l <= to; l++) if (re.test(lines.at(l))) return l;
  return undefined;
}

/** The language's own word for a structure kind, as the candidate would say it. */
export function kindWord(kind: string, language: string): string {
  const table: Record<string, Record<string, string>> = {
    python: { list: 'list', array: 'list', set: 'set', map: 'dict', heap: 'heap', deque: 'deque', stack: 'list' },
    javascript: { list: 'array', array: 'array', set: 'Set', map: 'Map', stack: 'array' },
    typescript: { list: 'array', array: 'array', set: 'Set', map: 'Map', stack: 'array' },
    java: { list: 'List', array: 'array', set: 'HashSet', map: 'HashMap', heap: 'PriorityQueue', deque: 'ArrayDeque' },
    cpp: { list: 'vector', array: 'vector', set: 'unordered_set', map: 'unordered_map', heap: 'priority_queue', deque: 'deque' },
    go: { list: 'slice', array: 'slice', set: 'map', map: 'map' },
  };
  return table[language]?.[kind] ?? kind.replace(/_/g, ' ');
}

const NUMERIC = /^(n|k|m|num|number|count|size|limit|x|y|target|amount|steps|depth|level|i|j)$/i;

/** The input size to talk about: the collection the dominant loop walks, else the first collection-like parameter. */
export function sizeParam(fn: FunctionFacts): { name: string; numeric: boolean } | null {
  const dominant = fn.loops.find((l) => l.line === fn.dominantLine)?.iterates;
  const cands = [fn.nestedSameCollection?.collection, dominant, ...fn.loops.map((l) => l.iterates), fn.indexFirst[0]?.param,
    ...fn.params.filter((p) => !NUMERIC.test(p)), fn.params[0]].filter((x): x is string => !!x);
  const name = cands.find((c) => fn.params.includes(c)) ?? cands[0];
  return name ? { name, numeric: NUMERIC.test(name) } : null;
}

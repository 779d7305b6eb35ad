import type { CodeAnalysis, FunctionFacts, StructuralChange } from '../../shared/analysis/index.ts';

// Structural reasons to ask, from the parse tree and what changed since the last analysis
// (INTERVIEWING.md: trigger in the tree or diff → question kind). Each candidate says, in a sentence,
// why now and about what; the rules pick one when the gates allow.

export interface Candidate {
  reasonCode: string;
  topic: string;
  function?: string;
  lines?: [number, number];
  priority: number;
  sentence: string;
  facts: Record<string, unknown>;
}

export const candidateKey = (c: Pick<Candidate, 'topic' | 'function'>) => `${c.topic}:${c.function ?? ''}`;

const span = (f: FunctionFacts): [number, number] => [f.startLine, f.endLine];
const SLOW = new Set(['O(n^2)', 'O(n^3)', 'O(2^n)']);

function factsOf(f: FunctionFacts): Record<string, unknown> {
  return {
    function: f.name, params: f.params, complexity: f.complexityEstimate, dominantLine: f.dominantLine,
    maxLoopDepth: f.maxLoopDepth, nested: f.nestedSameCollection, recursive: f.recursive, baseCaseLine: f.baseCaseLine,
    recursionCalls: f.recursionCalls, linearCalls: f.linearCallsInLoops, indexFirst: f.indexFirst, guards: f.guards,
    roles: f.variableRoles, tryCatch: f.hasTryCatch, loops: f.loops.map((l) => ({ line: l.line, kind: l.kind, iterates: l.iterates, depth: l.depth })),
  };
}

function make(f: FunctionFacts, reasonCode: string, topic: string, priority: number, sentence: string, extra: Record<string, unknown> = {}): Candidate {
  return { reasonCode, topic, function: f.name, lines: span(f), priority, sentence, facts: { ...factsOf(f), ...extra } };
}

/** What a finished function invites: edge cases if it indexes its input unguarded, else cost, else purpose. */
function completedCandidate(f: FunctionFacts): Candidate {
  const first = f.indexFirst[0];
  if (first) {
    return make(f, 'function_completed', 'edge_cases', 65,
      `${f.name} looks finished and uses ${first.expr} on line ${first.line} without checking that ${first.param} is non-empty.`, { edge: first });
  }
  if (SLOW.has(f.complexityEstimate)) {
    return make(f, 'function_completed', 'time_complexity', 70, `${f.name} looks finished; its loops suggest ${f.complexityEstimate}.`);
  }
  const sentinel = f.variableRoles.find((r) => r.init && (r.role === 'most_wanted_holder' || r.role === 'gatherer'));
  if (sentinel) {
    return make(f, 'function_completed', 'initial_value', 55,
      `${f.name} looks finished; ${sentinel.name} starts at ${sentinel.init}, which decides what it returns for unusual input.`, { role: sentinel });
  }
  return make(f, 'function_completed', 'purpose', 50, `${f.name} looks finished (it returns a value and parses cleanly).`);
}

const RANK = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)'];

/**
 * A function that got asymptotically faster since the last analysis: the moment of "brute force
 * first, then improved", and the best time to ask what the new structure buys and costs.
 */
function improvedCandidates(prev: CodeAnalysis | null, analysis: CodeAnalysis): Candidate[] {
  const out: Candidate[] = [];
  for (const f of analysis.functions) {
    const before = prev?.functions.find((p) => p.name === f.name);
    if (!before || f.hasError || RANK.indexOf(f.complexityEstimate) >= RANK.indexOf(before.complexityEstimate)) continue;
    const ds = analysis.dataStructures.find((d) => d.function === f.name && (d.kind === 'map' || d.kind === 'set' || d.kind === 'heap'));
    const via = ds ? ` using ${ds.name ?? `a ${ds.kind}`} (a ${ds.kind}, line ${ds.line})` : '';
    out.push(make(f, 'complexity_improved', ds ? 'data_structure_choice' : 'time_complexity', 88,
      `${f.name} went from ${before.complexityEstimate} to ${f.complexityEstimate}${via}.`,
      { complexityBefore: before.complexityEstimate, complexityAfter: f.complexityEstimate, ...(ds ? { structure: ds } : {}) }));
  }
  return out;
}

export function structuralCandidates(analysis: CodeAnalysis, changes: StructuralChange[], prev: CodeAnalysis | null = null): Candidate[] {
  const fns = new Map(analysis.functions.map((f) => [f.name, f]));
  const out: Candidate[] = improvedCandidates(prev, analysis);
  for (const c of changes) {
    const f = c.function ? fns.get(c.function) : undefined;
    if (!f) continue;
    switch (c.kind) {
      case 'nesting_deeper':
      case 'loop_added':
      case 'function_added':
        if (f.nestedSameCollection) {
          const n = f.nestedSameCollection;
          out.push(make(f, 'nested_loops', 'time_complexity', 90,
            `${f.name} now has a loop on line ${n.innerLine} nested inside the loop on line ${n.outerLine}, both over ${n.collection}.`));
        } else if (f.linearCallsInLoops.length) {
          const l = f.linearCallsInLoops[0];
          out.push(make(f, 'hidden_linear_cost', 'hidden_linear_cost', 75,
            `Line ${l.line} of ${f.name} does \`${l.expr}\` inside a loop: a linear cost on every pass.`, { call: l }));
        } else if (c.kind === 'nesting_deeper' && SLOW.has(f.complexityEstimate)) {
          out.push(make(f, 'nesting_deeper', 'time_complexity', 80, `${c.detail}; the estimate is now ${f.complexityEstimate}.`));
        }
        break;
      case 'recursion_added':
        out.push(make(f, 'recursion_added', 'recursion', 85, `${f.name} now calls itself (line ${f.recursionCalls[0] ?? f.startLine}).`));
        break;
      case 'data_structure_switched':
        out.push(make(f, 'structure_switched', 'data_structure_choice', 80, `${c.detail}.`, { from: c.from, to: c.to }));
        break;
      case 'error_handling_added':
        out.push(make(f, 'error_handling_added', 'exceptions', 55, `${c.detail}.`));
        break;
      case 'function_completed':
        out.push(completedCandidate(f));
        break;
      case 'tests_added':
        out.push(make(f, 'tests_added', 'testing', 40, `${c.detail}.`));
        break;
      default:
        break;
    }
  }
  return out;
}

/** A held-back candidate stays worth asking only while its function exists, with current lines. */
export function refresh(c: Candidate, analysis: CodeAnalysis | null): Candidate | null {
  if (!c.function) return c;
  const f = analysis?.functions.find((x) => x.name === c.function);
  return f ? { ...c, lines: span(f), facts: { ...c.facts, ...factsOf(f) } } : null;
}

export function functionAt(analysis: CodeAnalysis | null, lines: number[]): FunctionFacts | undefined {
  if (!analysis) return undefined;
  let best: FunctionFacts | undefined;
  let hits = 0;
  for (const f of analysis.functions) {
    const n = lines.filter((l) => l >= f.startLine && l <= f.endLine).length;
    if (n > hits) [best, hits] = [f, n];
  }
  return best;
}

export function activityCandidate(
  analysis: CodeAnalysis | null,
  changedLines: number[],
  signal: { kind: 'paste' | 'pause'; chars?: number; lines?: number },
): Candidate | null {
  const f = functionAt(analysis, changedLines);
  if (!f || f.hasError) return null;
  if (signal.kind === 'paste') {
    return make(f, 'paste_burst', 'purpose', 70, `About ${signal.chars ?? 0} characters arrived at once in ${f.name}; asking the candidate to explain it.`);
  }
  const c = completedCandidate(f);
  return { ...c, reasonCode: 'pause_after_burst', priority: 45, sentence: `The candidate paused after writing ${signal.lines ?? 0} lines in ${f.name}. ${c.sentence}` };
}

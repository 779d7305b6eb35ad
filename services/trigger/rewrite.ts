import type { CodeAnalysis, CostMemory, FunctionFacts } from '../../shared/analysis/index.ts';
import { chosenStructure, classRank, looksFinished, MOMENT_PRIORITY } from '../../shared/analysis/moments.ts';
import { matchFunctions } from '../../shared/analysis/similarity.ts';
import type { Candidate } from './candidates.ts';
import { factsOf } from './candidates.ts';

// "Brute force first, then improved": the moment to ask why the new structure. A rewrite is typed
// over many half-parsed snapshots, and sometimes under a new name, so the slowest finished version
// of each function is remembered across snapshots (CodeAnalysis.memory) and the current code is
// measured against it, not against the snapshot just before.

const MEMORY_MAX = 12;

function snapshotOf(f: FunctionFacts, analysis: CodeAnalysis): CostMemory {
  const call = f.linearCallsInLoops[0];
  return {
    name: f.name, params: f.params, complexity: f.complexityEstimate, lines: [f.startLine, f.endLine], shape: f.shape,
    nested: f.nestedSameCollection, ...(call ? { linearCall: call } : {}),
    structures: [...new Set(analysis.dataStructures.filter((d) => d.function === f.name).map((d) => d.kind))],
  };
}

/** The memory after `prev`: each function's slowest version that parsed and looked finished. */
export function remember(prev: CodeAnalysis | null, next: CodeAnalysis): CostMemory[] {
  const memory = (prev?.memory ?? []).map((m) => ({ ...m }));
  if (!prev) return memory;
  const { pairs } = matchFunctions(prev.functions, next.functions);
  const present = new Set(prev.functions.map((f) => f.name));
  for (const p of prev.functions) {
    if (p.name === '<module>' || !looksFinished(p)) continue;
    const i = memory.findIndex((m) => (m.renamedTo ?? m.name) === p.name);
    const old = memory[i];
    const adopted = old ? undefined : memory.find((m) => !present.has(m.renamedTo ?? m.name) && successor(m, p));
    if (adopted) adopted.renamedTo = p.name;
    else if (!old) memory.push(snapshotOf(p, prev));
    else if (classRank(p.complexityEstimate) > classRank(old.complexity)) memory[i] = { ...snapshotOf(p, prev), ...(old.renamedTo ? { name: old.name, renamedTo: p.name } : {}) };
  }
  // A rename seen as one (same body shape): the memory follows the function to its new name.
  for (const [p, n] of pairs) {
    const m = p.name !== n.name ? memory.find((x) => (x.renamedTo ?? x.name) === p.name) : undefined;
    if (m) m.renamedTo = n.name;
  }
  return memory.slice(-MEMORY_MAX);
}

const stem = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names that say "the same task": one contains the other, or they share a long prefix. */
function related(a: string, b: string): boolean {
  const x = stem(a);
  const y = stem(b);
  if (x.includes(y) || y.includes(x)) return true;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i >= 5;
}

const sameParams = (a: string[], b: string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** `f` takes over the task of the vanished `m`: the same parameters, and a related name or two parameters or more. */
const successor = (m: CostMemory, f: FunctionFacts) =>
  f.params.length > 0 && sameParams(m.params, f.params) && (related(m.name, f.name) || f.params.length >= 2);

/**
 * The slower version `f` replaced, if any: its own earlier self, a function that vanished when `f`
 * appeared (renamed while rewritten), or a slower sibling kept beside it (`two_sum_brute`).
 */
export function baselineFor(f: FunctionFacts, analysis: CodeAnalysis): CostMemory | undefined {
  if (f.partial || f.name === '<module>') return undefined;
  // Faster, and by a change to its own body (a callee being typed also moves the estimate).
  const faster = (m: { complexity: string; shape: string }) =>
    classRank(f.complexityEstimate) < classRank(m.complexity) && !(m.shape && m.shape === f.shape);
  const memory = analysis.memory ?? [];
  const own = memory.find((m) => (m.renamedTo ?? m.name) === f.name);
  if (own && faster(own)) return own;
  const present = new Set(analysis.functions.map((g) => g.name));
  const vanished = own ? undefined : memory.find((m) => !present.has(m.renamedTo ?? m.name) && successor(m, f) && faster(m));
  if (vanished) return { ...vanished, renamedTo: f.name };
  const sibling = analysis.functions.find((g) => g !== f && !g.hasError && looksFinished(g) && sameParams(g.params, f.params) &&
    f.params.length > 0 && related(g.name, f.name) && faster({ complexity: g.complexityEstimate, shape: g.shape }));
  return sibling ? { ...snapshotOf(sibling, analysis), renamedTo: f.name, sibling: true } : undefined;
}

/** The rewrite as a candidate; `facts.improved` is false once the code is no faster than the baseline. */
export function rewriteCandidate(f: FunctionFacts, base: CostMemory, analysis: CodeAnalysis): Candidate {
  const improved = classRank(f.complexityEstimate) < classRank(base.complexity);
  const ds = chosenStructure(f, analysis.dataStructures);
  const via = ds ? ` using ${ds.name} (a ${ds.kind}, line ${ds.line})` : '';
  const how = base.nested ? `nested loops over ${base.nested.collection}` : base.linearCall ? `\`${base.linearCall.expr}\` inside a loop` : '';
  const other = base.name !== f.name;
  const sentence = other
    ? `${base.name} (${base.complexity}${how ? `, ${how}` : ''}) was ${base.sibling ? 'followed by' : 'rewritten as'} ${f.name}, now ${f.complexityEstimate}${via}.`
    : `${f.name} went from ${base.complexity} to ${f.complexityEstimate}${via}${how ? `; before, ${how} did the work` : ''}.`;
  return {
    reasonCode: 'complexity_improved', topic: ds ? 'data_structure_choice' : 'time_complexity', function: f.name, lines: [f.startLine, f.endLine],
    priority: MOMENT_PRIORITY.rewrite, sentence,
    facts: {
      // The fingerprint only served the comparison; it means nothing to a reader or a model prompt.
      ...factsOf(f), moment: 'rewrite', improved, before: { ...base, shape: '' }, complexityBefore: base.complexity, complexityAfter: f.complexityEstimate,
      ...(ds ? { structure: ds } : {}), ...(other ? { renamedFrom: base.name } : {}),
    },
  };
}

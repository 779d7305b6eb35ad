// Structural changes between two snapshots' analyses, phrased as sentences a trigger can log or
// an interviewer can quote. Line numbers always refer to the newer snapshot unless removed.
import { diffLines } from 'diff';
import type { CodeAnalysis, DataStructureFacts, DiffStats, FunctionFacts, LoopFacts, StructuralChange, TestFacts } from './types.ts';
import { matchFunctions } from './similarity.ts';

const span = (f: { startLine: number; endLine: number }): [number, number] => [f.startLine, f.endLine];
const a = (kind: string): string => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);
const pretty = (kind: string): string => kind.replace('_', ' ');

const EMPTY: FunctionFacts = {
  name: '', startLine: 0, endLine: 0, params: [], loops: [], maxLoopDepth: 0, nestedSameCollection: null, recursive: false,
  recursionCalls: [], returns: false, hasTryCatch: [], linearCallsInLoops: [], guards: [], indexFirst: [], sortCalls: [],
  variableRoles: [], complexityEstimate: 'O(1)', hasError: false, shape: '',
};

export function compareAnalyses(prev: CodeAnalysis | null, next: CodeAnalysis): StructuralChange[] {
  const out: StructuralChange[] = [];
  const { pairs, added, removed } = matchFunctions(prev?.functions ?? [], next.functions);
  const renamedTo = new Map<string, string>();
  for (const [p, n] of pairs) {
    if (p.name !== n.name) {
      renamedTo.set(p.name, n.name);
      out.push({ kind: 'function_renamed', function: n.name, lines: span(n), from: p.name, to: n.name,
        detail: `${p.name} was renamed to ${n.name} (lines ${n.startLine}-${n.endLine})` });
    }
    out.push(...compareFunction(p, n));
  }
  for (const p of removed) {
    out.push({ kind: 'function_removed', function: p.name, lines: span(p), detail: `${p.name} was removed (it was on lines ${p.startLine}-${p.endLine})` });
  }
  for (const n of added) {
    out.push({ kind: 'function_added', function: n.name, lines: span(n),
      detail: `${n.name}(${n.params.join(', ')}) was added (lines ${n.startLine}-${n.endLine})` });
    out.push(...compareFunction({ ...EMPTY, name: n.name }, n));
  }
  out.push(...compareStructures(prev?.dataStructures ?? [], next.dataStructures, renamedTo));
  // There is no kind for "got faster"; say it on the change that explains it.
  for (const [p, n] of pairs) {
    if (p.complexityEstimate === n.complexityEstimate || n.hasError) continue;
    const c = out.find((x) => x.function === n.name && x.kind !== 'function_renamed' && x.kind !== 'nesting_deeper');
    if (c) c.detail += `; its estimate went from ${p.complexityEstimate} to ${n.complexityEstimate}`;
  }
  const tests = testsAdded(prev?.tests ?? [], next.tests);
  if (tests) out.push(tests);
  return out;
}

const loopKey = (l: LoopFacts): string => `${l.kind}|${l.iterates ?? ''}|${l.depth}`;
const loopText = (l: LoopFacts): string =>
  `${l.kind === 'foreach' ? 'for-each' : l.kind} loop${l.iterates ? ` over ${l.iterates}` : ''} on line ${l.line}`;

function compareFunction(p: FunctionFacts, n: FunctionFacts): StructuralChange[] {
  const out: StructuralChange[] = [];
  const fn = n.name;
  const remaining = new Map<string, number>();
  for (const l of p.loops) remaining.set(loopKey(l), (remaining.get(loopKey(l)) ?? 0) + 1);
  const fresh = n.loops.filter((l) => {
    const left = remaining.get(loopKey(l)) ?? 0;
    if (left > 0) { remaining.set(loopKey(l), left - 1); return false; }
    return true;
  });
  const deeper = n.maxLoopDepth > p.maxLoopDepth && n.maxLoopDepth > 1;
  if (deeper) {
    const nested = n.nestedSameCollection;
    const inner = n.loops.find((l) => l.depth === n.maxLoopDepth) ?? n.loops[n.loops.length - 1];
    const outer = n.loops.find((l) => l.depth === 1 && inner && l.line <= inner.line && l.endLine >= inner.line) ?? n.loops[0];
    const lines: [number, number] = [outer?.line ?? n.startLine, Math.max(inner?.endLine ?? n.endLine, outer?.endLine ?? 0)];
    const detail = nested && !p.nestedSameCollection
      ? `${fn} now has a loop nested inside another loop over ${nested.collection} (lines ${lines[0]}-${lines[1]})`
      : `${fn} now nests loops ${n.maxLoopDepth} deep (lines ${lines[0]}-${lines[1]})`;
    out.push({ kind: 'nesting_deeper', function: fn, lines, detail, from: p.complexityEstimate, to: n.complexityEstimate });
  }
  // Loops that made the nesting deeper are already told by nesting_deeper.
  for (const l of fresh.filter((x) => !(deeper && x.depth > p.maxLoopDepth)).slice(0, 3)) {
    out.push({ kind: 'loop_added', function: fn, lines: [l.line, l.endLine], detail: `${fn} has a new ${loopText(l)}` });
  }
  if (!p.recursive && n.recursive) {
    const first = n.recursionCalls[0] ?? n.startLine;
    const base = n.baseCaseLine !== undefined ? `; the base case is on line ${n.baseCaseLine}` : ' with no base case before the recursive call';
    out.push({ kind: 'recursion_added', function: fn, lines: [first, n.recursionCalls[n.recursionCalls.length - 1] ?? first],
      detail: `${fn} now calls itself on line ${n.recursionCalls.join(', ')}${base}` });
  }
  const errorChecks = (f: FunctionFacts): number => f.guards.filter((g) => g.kind === 'error_check').length;
  if (n.hasTryCatch.length > p.hasTryCatch.length) {
    const seen = new Map<string, number>();
    for (const t of p.hasTryCatch) seen.set(t.caught ?? '', (seen.get(t.caught ?? '') ?? 0) + 1);
    const t = n.hasTryCatch.find((x) => {
      const left = seen.get(x.caught ?? '') ?? 0;
      seen.set(x.caught ?? '', left - 1);
      return left <= 0;
    }) ?? n.hasTryCatch[n.hasTryCatch.length - 1];
    if (t) {
      out.push({ kind: 'error_handling_added', function: fn, lines: [t.tryLine, t.catchLine],
        detail: `${fn} now catches ${t.caught ?? 'exceptions'} (try on line ${t.tryLine}, handler on line ${t.catchLine})` });
    }
  } else if (errorChecks(n) > errorChecks(p)) {
    const g = n.guards.filter((x) => x.kind === 'error_check').pop();
    if (g) out.push({ kind: 'error_handling_added', function: fn, lines: [g.line, g.line], detail: `${fn} now checks for an error on line ${g.line}` });
  }
  // Finished means the main path returns at its end: a guard clause's early return is only a start.
  const finished = (f: FunctionFacts): boolean => (f.finished ?? f.returns) && !f.hasError && !f.partial;
  if (!finished(p) && finished(n)) {
    out.push({ kind: 'function_completed', function: fn, lines: span(n),
      detail: `${fn} looks complete: its main path returns a value and it parses cleanly (lines ${n.startLine}-${n.endLine})` });
  }
  return out;
}

const COMPATIBLE: Record<string, string[]> = {
  list: ['set', 'map', 'deque', 'heap', 'array'], array: ['set', 'map', 'heap', 'list', 'deque'], set: ['list', 'array', 'map'],
  map: ['list', 'array', 'set'], stack: ['deque', 'list', 'array'], deque: ['list', 'array', 'stack'], heap: ['list', 'array'],
};

function compareStructures(prev: DataStructureFacts[], next: DataStructureFacts[], renamedTo: Map<string, string>): StructuralChange[] {
  const out: StructuralChange[] = [];
  const scope = (d: DataStructureFacts, old: boolean): string => (old ? renamedTo.get(d.function ?? '') ?? d.function : d.function) ?? '';
  const where = (d: DataStructureFacts): string => (d.function ? ` in ${d.function}` : '');
  const unmatchedPrev = [...prev];
  const unmatchedNext: DataStructureFacts[] = [];
  for (const n of next) {
    const i = unmatchedPrev.findIndex((p) => p.name === n.name && scope(p, true) === scope(n, false));
    if (i < 0) { unmatchedNext.push(n); continue; }
    const p = unmatchedPrev.splice(i, 1)[0];
    if (p && p.kind !== n.kind) out.push(switched(p, n, `${n.name}${where(n)} changed from ${a(pretty(p.kind))} to ${a(pretty(n.kind))}`));
  }
  for (const n of unmatchedNext) {
    const i = unmatchedPrev.findIndex((p) => scope(p, true) === scope(n, false) && p.kind !== n.kind &&
      (COMPATIBLE[p.kind] ?? []).includes(n.kind) && (!p.membership || n.membership || n.kind === 'map'));
    const p = i >= 0 ? unmatchedPrev.splice(i, 1)[0] : undefined;
    if (p) {
      out.push(switched(p, n, `${n.function ?? 'The code'} replaced the ${pretty(p.kind)} ${p.name ?? ''} with ${a(pretty(n.kind))} ${n.name ?? ''}`.replace(/\s+/g, ' ').trim()));
    } else {
      out.push({ kind: 'data_structure_added', lines: [n.line, n.line], ...(n.function ? { function: n.function } : {}), to: n.kind,
        detail: `${n.function ?? 'The code'} now uses ${a(pretty(n.kind))}${n.name ? ` ${n.name}` : ''} (line ${n.line})` });
    }
  }
  return out;
}

function switched(p: DataStructureFacts, n: DataStructureFacts, head: string): StructuralChange {
  const use = n.membership || p.membership ? ' for membership tests' : '';
  return { kind: 'data_structure_switched', lines: [n.line, n.line], ...(n.function ? { function: n.function } : {}),
    from: p.kind, to: n.kind, detail: `${head}${use} (line ${n.line})` };
}

function testsAdded(prev: TestFacts[], next: TestFacts[]): StructuralChange | null {
  const key = (t: TestFacts): string => `${t.name}|${t.target ?? ''}`;
  const left = new Map<string, number>();
  for (const t of prev) left.set(key(t), (left.get(key(t)) ?? 0) + 1);
  const fresh = next.filter((t) => {
    const k = left.get(key(t)) ?? 0;
    left.set(key(t), k - 1);
    return k <= 0;
  });
  if (!fresh.length) return null;
  const targets = [...new Set(fresh.map((t) => t.target).filter((t): t is string => !!t))];
  const first = fresh[0]?.line ?? 0;
  const last = fresh[fresh.length - 1]?.line ?? first;
  const fns = fresh.filter((t) => t.name !== 'assert').length;
  const asserts = fresh.length - fns;
  const what = [fns ? `${fns === 1 ? 'a' : fns} new test${fns === 1 ? '' : 's'}` : '',
    asserts ? `${asserts === 1 ? 'a' : asserts} new assert${asserts === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  return { kind: 'tests_added', lines: [first, last], ...(targets.length === 1 ? { function: targets[0] } : {}),
    detail: `${what}${targets.length ? ` for ${targets.join(', ')}` : ''} (line${fresh.length > 1 ? 's' : ''} ${fresh.map((t) => t.line).join(', ')})` };
}

/** Line-level size of an edit, for "a quiet diff after a burst" style triggers. */
export function diffStats(prevCode: string, nextCode: string): DiffStats {
  const stats: DiffStats = { added: 0, removed: 0, changedLines: [] };
  let line = 1;
  for (const part of diffLines(prevCode, nextCode)) {
    const count = part.count ?? part.value.split('\n').length - (part.value.endsWith('\n') ? 1 : 0);
    if (part.added) {
      stats.added += count;
      for (let i = 0; i < count; i++) stats.changedLines.push(line + i);
      line += count;
    } else if (part.removed) {
      stats.removed += count;
    } else {
      line += count;
    }
  }
  return stats;
}

import type { CodeAnalysis, CostMemory, FunctionFacts, StructuralChange } from '../../shared/analysis/index.ts';
import { isTinyHelper, looksFinished, MOMENT_PRIORITY, momentsOf, type Moment, type MomentKind } from '../../shared/analysis/moments.ts';
import { baselineFor, rewriteCandidate, remember } from './rewrite.ts';

export { remember };

// Structural reasons to ask, from the parse tree and what changed since the last analysis
// (INTERVIEWING.md: trigger in the tree or diff → question kind). Each candidate says, in a sentence,
// why now and about what; the rules pick one when the gates allow. Candidates are ranked by what
// they reveal (shared/analysis/moments.ts): a rewrite that changed the complexity, recursion, a
// costly call in a loop, a sentinel, a data-structure choice; "what does it do" only when nothing
// better exists, and never about a tiny helper.

export interface Candidate {
  reasonCode: string;
  topic: string;
  function?: string;
  lines?: [number, number];
  priority: number;
  sentence: string;
  facts: Record<string, unknown>;
}

/**
 * One question per topic and function. A rewrite asked as a time question is a new question about a
 * new cost (the old cost may have been asked already), so it is keyed by the cost it left behind; a
 * structure question is one per structure, so a rewrite around a new map is new, and asking about
 * `seen` as a rewrite settles asking about `seen` as a choice.
 */
export const candidateKey = (c: Pick<Candidate, 'topic' | 'function'> & { facts?: Record<string, unknown> }) => {
  const key = `${c.topic}:${c.function ?? ''}`;
  const facts = c.facts ?? {};
  if (facts.moment === 'rewrite' && c.topic === 'time_complexity') return `${key}:from ${String(facts.complexityBefore)}`;
  const structure = facts.structure as { name?: string } | undefined;
  return c.topic === 'data_structure_choice' && structure?.name ? `${key}:${structure.name}` : key;
};

/**
 * Already asked: the same key, or, for a plain time question, a rewrite of the same function asked
 * as a time question (its "what does it cost now" already covered the current cost).
 */
export function alreadyAsked(askedKeys: readonly string[], c: Pick<Candidate, 'topic' | 'function'> & { facts?: Record<string, unknown> }): boolean {
  const key = candidateKey(c);
  if (askedKeys.includes(key)) return true;
  return c.topic === 'time_complexity' && (c.facts ?? {}).moment !== 'rewrite' && askedKeys.some((k) => k.startsWith(`${key}:from `));
}

const span = (f: FunctionFacts): [number, number] => [f.startLine, f.endLine];

export function factsOf(f: FunctionFacts): Record<string, unknown> {
  return {
    function: f.name, params: f.params, complexity: f.complexityEstimate, dominantLine: f.dominantLine,
    maxLoopDepth: f.maxLoopDepth, nested: f.nestedSameCollection, recursive: f.recursive, baseCaseLine: f.baseCaseLine,
    recursionCalls: f.recursionCalls, linearCalls: f.linearCallsInLoops, indexFirst: f.indexFirst, guards: f.guards,
    roles: f.variableRoles, tryCatch: f.hasTryCatch, loops: f.loops.map((l) => ({ line: l.line, kind: l.kind, iterates: l.iterates, depth: l.depth })),
    ...(f.sentinels?.length ? { sentinels: f.sentinels } : {}),
  };
}

const REASON: Record<MomentKind, string> = {
  rewrite: 'complexity_improved', recursion: 'recursion_added', costly_call: 'hidden_linear_cost', sentinel: 'sentinel_initial_value',
  structure: 'structure_chosen', nested_loops: 'nested_loops', slow: 'nesting_deeper', edge: 'function_completed', sort_cost: 'function_completed',
  exceptions: 'error_handling_added', running: 'function_completed',
  role: 'function_completed', purpose: 'function_completed',
};

const reasonOf = (m: Moment): string => (m.kind === 'costly_call' && !m.call ? 'sort_in_loop' : REASON[m.kind]);

/** What the moment is, in a sentence that names the line and the thing. */
function momentSentence(f: FunctionFacts, m: Moment): string {
  switch (m.kind) {
    case 'recursion': {
      const base = f.baseCaseLine !== undefined ? `; the base case is on line ${f.baseCaseLine}` : ', with no base case before the call';
      return `${f.name} calls itself on line ${m.line}${base}.`;
    }
    case 'costly_call':
      return m.call ? `Line ${m.line} of ${f.name} does \`${m.call.expr}\` inside a loop: a linear cost on every pass.`
        : `Line ${m.line} of ${f.name} sorts on every pass of a loop: the cost a complexity answer has to count.`;
    case 'sentinel': {
      const s = m.sentinel;
      const what = s?.kind === 'first' ? 'the first element' : s?.kind === 'max' ? 'a value above any real one' : 'a value below any real one';
      return `${f.name} starts ${s?.name} at ${s?.init} on line ${m.line} (${what})${s?.container ? ' in every entry' : ''}: that start decides what comes back for empty or unusual input.`;
    }
    case 'structure': {
      const d = m.structure;
      return `${f.name} keeps ${d?.name} in a ${d?.kind} (line ${m.line})${d?.membership ? ' for lookups' : ''}: a data-structure choice worth explaining.`;
    }
    case 'nested_loops': {
      const n = f.nestedSameCollection;
      return `${f.name} now has a loop on line ${n?.innerLine} nested inside the loop on line ${n?.outerLine}, both over ${n?.collection}.`;
    }
    case 'slow':
      return `${f.name} nests loops ${f.maxLoopDepth} deep; the estimate is ${f.complexityEstimate}.`;
    case 'edge': {
      const e = f.indexFirst[0];
      return `${f.name} uses ${e?.expr} on line ${e?.line} without checking that ${e?.param} is non-empty.`;
    }
    case 'exceptions': {
      const t = f.hasTryCatch[0];
      return `${f.name} catches ${t?.caught ?? 'exceptions'} (try on line ${t?.tryLine}, handler on line ${t?.catchLine}).`;
    }
    case 'sort_cost':
      return `${f.name} sorts on line ${m.line}; the sort sets its cost (${f.complexityEstimate}).`;
    case 'running': {
      const r = m.running;
      return r?.kind === 'prefix_table'
        ? `${f.name} builds ${r.name} from its own earlier entries (line ${m.line})${r.extraSlot ? ', one slot longer than its input' : ''}: what an entry holds is the idea of the function.`
        : `${f.name} stores the running value ${r?.name} at each index (line ${m.line}): what it holds there is the idea of the function.`;
    }
    case 'role': {
      const r = m.role;
      return `${f.name} keeps ${r?.name} (${r?.role.replace(/_/g, ' ')}, line ${m.line}): what it holds is the idea of the function.`;
    }
    default:
      return `${f.name} looks finished (its main path returns a value) and nothing in it stands out more.`;
  }
}

/** The facts the interviewer needs to name this moment exactly (code.ts reads them as extras). */
function momentExtras(f: FunctionFacts, m: Moment): Record<string, unknown> {
  switch (m.kind) {
    case 'costly_call': return { call: m.call };
    case 'sentinel': {
      const s = m.sentinel;
      if (!s) return {};
      const role = f.variableRoles.find((r) => r.name === s.name)?.role;
      const edge = f.indexFirst.find((e) => e.line === s.line);
      return { sentinel: s, role: { name: s.name, role: role === 'gatherer' ? role : 'most_wanted_holder', line: s.line, init: s.init },
        ...(edge && m.topic === 'edge_cases' ? { edge } : {}) };
    }
    case 'structure': return { structure: m.structure };
    case 'edge': return { edge: f.indexFirst[0] };
    case 'role':
    case 'running': return { role: m.role };
    default: return {};
  }
}

interface Lead { reasonCode?: string; priority?: number; lead?: string }

/** "two_sum looks finished; it keeps seen…" rather than naming the function twice. */
const afterLead = (body: string, name: string): string =>
  body.startsWith(`${name} `) ? `it ${body.slice(name.length + 1)}` : `${body.charAt(0).toLowerCase()}${body.slice(1)}`;

function momentCandidate(f: FunctionFacts, m: Moment, how: Lead = {}): Candidate {
  const body = momentSentence(f, m);
  return {
    reasonCode: how.reasonCode ?? reasonOf(m), topic: m.topic, function: f.name, lines: span(f),
    priority: how.priority ?? MOMENT_PRIORITY[m.kind],
    sentence: how.lead && m.kind === 'purpose' ? `${how.lead}.` : how.lead ? `${how.lead}; ${afterLead(body, f.name)}` : body,
    facts: { ...factsOf(f), moment: m.kind, ...momentExtras(f, m), ...(how.lead ? { lead: how.lead } : {}) },
  };
}

// Moments a change makes new; edge cases and purpose wait until the function looks finished.
const ON_APPEARANCE = new Set<MomentKind>(['recursion', 'costly_call', 'sentinel', 'structure', 'nested_loops', 'slow', 'exceptions']);

/** The finished function's moments, best first; purpose only when nothing better exists. */
function completedCandidates(f: FunctionFacts, analysis: CodeAnalysis, how: Lead): Candidate[] {
  const ms = momentsOf(f, analysis.dataStructures);
  const better = ms.filter((m) => m.kind !== 'purpose');
  // The moment keeps its own reason code; "finished" only names the timing.
  return (better.length ? better : ms).map((m) => momentCandidate(f, m, {
    ...how, reasonCode: reasonOf(m), priority: how.priority ?? MOMENT_PRIORITY[m.kind],
  }));
}

export function structuralCandidates(analysis: CodeAnalysis, changes: StructuralChange[], prev: CodeAnalysis | null = null): Candidate[] {
  analysis.memory ??= remember(prev, analysis);
  const out: Candidate[] = [];
  const prevByName = new Map((prev?.functions ?? []).map((f) => [f.name, f]));
  const renamedFrom = new Map(changes.filter((c) => c.kind === 'function_renamed' && c.from && c.to).map((c) => [c.to as string, c.from as string]));
  for (const f of analysis.functions) {
    const base = baselineFor(f, analysis);
    if (base) out.push(rewriteCandidate(f, base, analysis));
    const before = prevByName.get(renamedFrom.get(f.name) ?? f.name);
    const had = new Set(before && prev ? momentsOf(before, prev.dataStructures).map((m) => m.id) : []);
    for (const m of momentsOf(f, analysis.dataStructures)) {
      if (ON_APPEARANCE.has(m.kind) && !had.has(m.id)) out.push(momentCandidate(f, m));
    }
  }
  const fns = new Map(analysis.functions.map((f) => [f.name, f]));
  for (const c of changes) {
    const f = c.function ? fns.get(c.function) : undefined;
    if (!f || isTinyHelper(f)) continue;
    if (c.kind === 'function_completed' && looksFinished(f)) {
      out.push(...completedCandidates(f, analysis, { reasonCode: 'function_completed', lead: `${f.name} looks finished` }));
    } else if (c.kind === 'data_structure_switched') {
      // Named by the structure it switched to, so a rewrite asked about the same structure settles it.
      const structure = analysis.dataStructures.find((d) => d.function === f.name && d.kind === c.to && d.name && c.lines?.[0] === d.line);
      out.push({ reasonCode: 'structure_switched', topic: 'data_structure_choice', function: f.name, lines: span(f), priority: MOMENT_PRIORITY.structure + 2,
        sentence: `${c.detail}.`, facts: { ...factsOf(f), from: c.from, to: c.to, ...(structure ? { structure } : {}) } });
    } else if (c.kind === 'tests_added') {
      out.push({ reasonCode: 'tests_added', topic: 'testing', function: f.name, lines: span(f), priority: 40, sentence: `${c.detail}.`, facts: factsOf(f) });
    }
  }
  return out;
}

/**
 * A held-back candidate stays worth asking only while its function exists and the moment is still
 * there; its lines and the facts that name the moment are taken from the current code.
 */
export function refresh(c: Candidate, analysis: CodeAnalysis | null): Candidate | null {
  // The diff size stands in only while nothing parses; with a usable tree the functions speak.
  if (c.reasonCode === 'diff_threshold' && analysis) return null;
  if (!c.function) return c;
  const f = analysis?.functions.find((x) => x.name === c.function);
  if (!f || !analysis) return null;
  const kind = c.facts.moment as MomentKind | undefined;
  if (kind === 'rewrite') {
    const base = c.facts.before as CostMemory | undefined;
    const now = base ? rewriteCandidate(f, base, analysis) : null;
    return now && now.facts.improved ? { ...now, reasonCode: c.reasonCode, priority: c.priority } : null;
  }
  if (kind) {
    if (isTinyHelper(f)) return null;
    const m = momentsOf(f, analysis.dataStructures).find((x) => x.kind === kind);
    if (!m) return null;
    return momentCandidate(f, m, { reasonCode: c.reasonCode, priority: c.priority, ...(typeof c.facts.lead === 'string' ? { lead: c.facts.lead } : {}) });
  }
  return { ...c, lines: span(f), facts: { ...c.facts, ...factsOf(f) } };
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

const PASTE_PRIORITY = 60;
const PAUSE_PRIORITY = 45;

/**
 * A paste or a pause points at a function. What the pasted code reveals is already a candidate (its
 * moments are new to the tree); the paste adds "explain this code", ranked below them. A pause asks
 * about the most revealing moment of what was just written. Nothing for a tiny helper.
 */
export function activityCandidate(
  analysis: CodeAnalysis | null,
  changedLines: number[],
  signal: { kind: 'paste' | 'pause'; chars?: number; lines?: number },
): Candidate | null {
  const f = functionAt(analysis, changedLines);
  if (!f || f.hasError || !analysis) return null;
  const moments = momentsOf(f, analysis.dataStructures);
  const m = signal.kind === 'paste' ? moments.find((x) => x.kind === 'purpose') : moments[0];
  if (!m) return null;
  if (signal.kind === 'paste') {
    return momentCandidate(f, m, { reasonCode: 'paste_burst', priority: PASTE_PRIORITY,
      lead: `About ${signal.chars ?? 0} characters arrived at once in ${f.name}; asking the candidate to explain it` });
  }
  return momentCandidate(f, m, { reasonCode: 'pause_after_burst', priority: Math.min(PAUSE_PRIORITY, MOMENT_PRIORITY[m.kind]),
    lead: `The candidate paused after writing ${signal.lines ?? 0} lines in ${f.name}` });
}

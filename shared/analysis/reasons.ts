// Plain-words reasons for a complexity estimate, built from the same evidence that set it, so an
// answer key never says "visits each element a bounded number of times" next to O(n^2).
import type { LoopCtx } from './collect.ts';
import type { CallResult } from './calls.ts';
import type { LinearCallFacts, LoopFacts } from './types.ts';
import { ORDERINGS } from './loopshapes.ts';

type ByCtx = Map<LoopCtx, LoopFacts>;

const ancestors = (l: LoopCtx): LoopCtx[] => {
  const out: LoopCtx[] = [];
  for (let p = l.parent; p; p = p.parent) out.push(p);
  return out;
};

/** Loops around a point that grow with the input (not constant-bound, not amortised). */
const counted = (chain: LoopCtx[], byCtx: ByCtx): LoopCtx[] =>
  chain.filter((l) => { const f = byCtx.get(l); return !f || (!f.constantBound && !f.amortized); });

/** Amortised loops in the chain or nested inside its innermost loop: they add, not multiply. */
function amortisedNote(chain: LoopCtx[], byCtx: ByCtx): string {
  const inner = chain[chain.length - 1];
  const below = inner ? [...byCtx.keys()].filter((l) => l !== inner && ancestors(l).includes(inner)) : [];
  const a = [...new Set([...chain, ...below])].filter((l) => byCtx.get(l)?.amortized && !byCtx.get(l)?.constantBound)
    .sort((x, y) => x.line - y.line);
  if (!a.length) return '';
  const lines = a.map((l) => l.line).join(' and ');
  return `; the loop${a.length > 1 ? 's' : ''} on line${a.length > 1 ? 's' : ''} ${lines} only move${a.length > 1 ? '' : 's'} forward or take${a.length > 1 ? '' : 's'} each item once, so ${a.length > 1 ? 'they add' : 'it adds'} to the total instead of multiplying it`;
}

/** Why a loop nest costs what it does: "the loop on line 6 runs inside the loop on line 5 (n · n)". */
export function loopReason(chain: LoopCtx[], byCtx: ByCtx): string {
  const doubling = chain.find((l) => byCtx.get(l)?.doubling);
  if (doubling && ORDERINGS.test(`${doubling.iter?.text ?? ''} ${doubling.cond?.text ?? ''}`)) {
    return `the loop on line ${doubling.line} runs once per ordering of the input (n! passes): exponential`;
  }
  if (doubling && !doubling.parent) return `the loop on line ${doubling.line} runs once per subset (a 2^n bound): exponential`;
  if (doubling) {
    return `the loop on line ${doubling.line} appends one new item for every item the collection held, once per pass of the loop on line ${doubling.parent?.line ?? doubling.line}, so the collection doubles each pass: exponential`;
  }
  const c = counted(chain, byCtx);
  const note = amortisedNote(chain, byCtx);
  if (!c.length) return `no loop grows with the input${note}`;
  const inner = c[c.length - 1];
  if (!inner) return `no loop grows with the input${note}`;
  if (c.length === 1) {
    const f = byCtx.get(inner);
    const what = f?.cells ? 'takes each cell of the grid at most once (n · n passes)'
      : f?.power ? `runs once per ${f.power}-item combination of ${f.iterates ?? 'the input'} (${Array(f.power).fill('n').join(' · ')} passes)`
      : f?.halving ? 'halves its range every pass (log n passes)'
      : f?.digits ? 'walks the digits of a number (log n passes)'
      : f?.harmonic ? 'steps by an outer loop\'s variable (n/i passes each time, log n per item over the outer loop)'
      : f?.kind === 'foreach' ? `runs once per item of ${f.iterates ?? 'the input'} (n passes)`
      : `runs at most n times${f?.iterates ? ` (bounded by ${f.iterates})` : ''}`;
    return `the loop on line ${inner.line} ${what}${note}`;
  }
  const outers = c.slice(0, -1).reverse().map((l) => `the loop on line ${l.line}`).join(', itself inside ');
  const factors = c.map((l) => {
    const f = byCtx.get(l);
    return f?.halving || f?.harmonic || f?.digits ? 'log n' : Array(f?.power ?? (f?.cells ? 2 : 1)).fill('n').join(' · ');
  }).join(' · ');
  const harmonic = c.some((l) => byCtx.get(l)?.harmonic)
    ? '; a loop that steps by the outer loop\'s variable runs n/i times, and n/1 + n/2 + n/3 + ... adds up to n log n' : '';
  return `the loop on line ${inner.line} runs inside ${outers} (${factors} steps)${harmonic}${note}`;
}

const everyPass = (chain: LoopCtx[], byCtx: ByCtx): string => {
  const c = counted(chain, byCtx);
  const inner = c[c.length - 1];
  return inner ? ` on every pass of the loop on line ${inner.line}${c.length > 1 ? ` (nested ${c.length} deep)` : ''}` : '';
};

export function sortReason(line: number, chain: LoopCtx[], byCtx: ByCtx, wide?: 'wide' | 'grid'): string {
  const pass = everyPass(chain, byCtx);
  if (wide === 'grid') {
    return pass ? `the sort on line ${line} sorts the n · n items of a flattened grid and runs${pass}`
      : `the sort on line ${line} sorts the n · n items of a flattened grid: O(n^2 log n) in all`;
  }
  if (wide) {
    return pass ? `the sort on line ${line} makes n log n comparisons of items up to n long and runs${pass}`
      : `the sort on line ${line} makes n log n comparisons of items up to n long (copies of the input): O(n^2 log n) in all`;
  }
  return pass ? `the sort on line ${line} costs n log n and runs${pass}` : `the sort on line ${line} costs n log n and dominates`;
}

const LINEAR_WHAT: Record<LinearCallFacts['kind'], string> = {
  membership: 'scans a list', search: 'scans a list', shift: 'moves every element', concat: 'copies the string built so far',
  aggregate: 'reads the whole collection', copy: 'copies a stretch that grows with the input',
};

export function linearReason(call: LinearCallFacts, chain: LoopCtx[], byCtx: ByCtx): string {
  return `\`${call.expr}\` on line ${call.line} ${LINEAR_WHAT[call.kind]} (n steps)${everyPass(chain, byCtx)}`;
}

export function logOpReason(line: number, what: 'heap' | 'ordered-tree' | 'binary-search', chain: LoopCtx[], byCtx: ByCtx): string {
  return `the ${what} operation on line ${line} costs log n${everyPass(chain, byCtx)}`;
}

export const wholeInputReason = (line: number): string => `line ${line} reads or copies the whole input once`;

export function allocReason(line: number, dims: number, chain: LoopCtx[], byCtx: ByCtx): string {
  const size = Array(dims).fill('n').join(' · ');
  const pass = everyPass(chain, byCtx);
  return pass ? `line ${line} allocates and fills ${size} items (${size} steps)${pass}`
    : `line ${line} allocates and fills ${size} items: O(${dims === 1 ? 'n' : `n^${dims}`}) in all`;
}

export const wholeInLoopReason = (line: number, chain: LoopCtx[], byCtx: ByCtx): string =>
  `line ${line} reads or copies the whole input (n steps)${everyPass(chain, byCtx)}`;

export const digitsReason = (line: number): string => `line ${line} works on the text of a number, which has log n digits`;

export const buildReason = (line: number, ordered: boolean): string => ordered
  ? `line ${line} inserts every item of the input into an ordered tree, log n each: O(n log n) in all`
  : `line ${line} builds a collection from the whole input, reading every item once: O(n) in all`;

export function calleeReason(line: number, callee: string, cls: string, total: string, amortised: boolean, chain: LoopCtx[], byCtx: ByCtx): string {
  if (amortised) return `line ${line} enters ${callee}, which marks what it visits, so all its calls together cost ${cls}`;
  const pass = everyPass(chain, byCtx);
  return `line ${line} calls ${callee}, which costs ${cls}${pass ? `,${pass}: ${total} in all` : ''}`;
}

export function recursionReason(calls: CallResult, line: number, perCall: string, total: string): string {
  switch (calls.shape) {
    case 'exponential':
      return `each call makes further calls (line ${line}) and nothing is cached or marked, so the number of calls grows exponentially`;
    case 'linear':
      return calls.dims > 1 ? `each of the n^${calls.dims} memoised states (one per combination of the ${calls.dims} changing arguments) is computed once, at ${perCall} each: ${total} in all`
        : `the recursion on line ${line} goes n levels deep with one call per level, at ${perCall} each: ${total} in all`;
    case 'structural':
      return `one call per node of the structure (line ${line}), at ${perCall} each: ${total} in all`;
    case 'visiting':
      return `the mark set before the call on line ${line} lets each ${calls.dims > 1 ? 'grid cell' : 'node'} be visited once, and its neighbour checks add up to the edges`;
    case 'compressing':
      return `the call on line ${line} points every node it passes straight at the root (path compression), so a find costs near-constant time amortised: ${total} per call`;
    case 'halving':
      return `each call on line ${line} halves the range, so the recursion is log n deep${perCall === 'O(1)' ? ''
        : `, and the ${perCall} work of each call halves with it (n + n/2 + ...): ${total} in all`}`;
    case 'divide':
      return `each call splits the input into halves (line ${line}) and does ${perCall} work on its level: T(n) = 2T(n/2) + ${perCall}`;
    default:
      return '';
  }
}

// Pairing old and new functions across snapshots: same name first, then renames recognised by a
// similar body shape and parameter list.
import type { FunctionFacts } from './types.ts';

export interface FunctionMatch {
  pairs: [FunctionFacts, FunctionFacts][];
  added: FunctionFacts[];
  removed: FunctionFacts[];
}

const SLOTS = 32;
const SEEDS = Array.from({ length: SLOTS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * MinHash over node-type bigrams: a few dozen bytes per function instead of its whole node list,
 * so analyses stay small enough to cache per snapshot, and still name-independent.
 */
export function fingerprint(types: string[]): string {
  const mins = new Array<number>(SLOTS).fill(0xffffffff);
  for (let i = 0; i + 1 < types.length; i++) {
    const base = fnv1a(`${types[i]} ${types[i + 1]}`);
    for (let k = 0; k < SLOTS; k++) {
      let h = Math.imul(base ^ (SEEDS[k] ?? 0), 0x85ebca6b) >>> 0;
      h = (h ^ (h >>> 13)) >>> 0;
      if (h < (mins[k] ?? 0)) mins[k] = h;
    }
  }
  return types.length < 2 ? '' : mins.map((m) => m.toString(36)).join('.');
}

/** Estimated Jaccard similarity of the two functions' node-type bigram sets. */
function shapeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = a.split('.');
  const y = b.split('.');
  if (x.length !== SLOTS || y.length !== SLOTS) return 0;
  return x.filter((v, i) => v === y[i]).length / SLOTS;
}

function paramSimilarity(a: string[], b: string[]): number {
  if (!a.length && !b.length) return 1;
  const shared = a.filter((p) => b.includes(p)).length;
  if (shared) return shared / new Set([...a, ...b]).size;
  // Renamed parameters too: an equal count is weak evidence.
  return a.length === b.length ? 0.5 : 0;
}

export function similarity(a: FunctionFacts, b: FunctionFacts): number {
  return 0.7 * shapeSimilarity(a.shape, b.shape) + 0.3 * paramSimilarity(a.params, b.params);
}

const RENAME_THRESHOLD = 0.7;
// With exactly one function gone and one new, a looser match is still far likelier a rename.
const LONE_RENAME_THRESHOLD = 0.6;

export function matchFunctions(prev: FunctionFacts[], next: FunctionFacts[]): FunctionMatch {
  const pairs: [FunctionFacts, FunctionFacts][] = [];
  const removed = [...prev];
  const added: FunctionFacts[] = [];
  for (const n of next) {
    const i = removed.findIndex((p) => p.name === n.name);
    const p = i >= 0 ? removed.splice(i, 1)[0] : undefined;
    if (p) pairs.push([p, n]); else added.push(n);
  }
  const threshold = removed.length === 1 && added.length === 1 ? LONE_RENAME_THRESHOLD : RENAME_THRESHOLD;
  const candidates = removed.flatMap((p) => added.map((n) => ({ p, n, score: similarity(p, n) })))
    .filter((c) => c.score >= threshold && !c.p.partial && !c.n.partial)
    .sort((x, y) => y.score - x.score);
  for (const c of candidates) {
    const i = removed.indexOf(c.p);
    const j = added.indexOf(c.n);
    if (i < 0 || j < 0) continue;
    removed.splice(i, 1);
    added.splice(j, 1);
    pairs.push([c.p, c.n]);
  }
  return { pairs, added, removed };
}

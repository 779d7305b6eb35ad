// Pairing old and new functions across snapshots: same name first, then renames recognised by a
// similar body shape and parameter list.
import type { FunctionFacts } from './types.ts';

export interface FunctionMatch {
  pairs: [FunctionFacts, FunctionFacts][];
  added: FunctionFacts[];
  removed: FunctionFacts[];
}

function bigrams(shape: string): Map<string, number> {
  const tokens = shape.split(' ').filter(Boolean);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const k = `${tokens[i]} ${tokens[i + 1]}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over node-type bigrams: 1 for identical structure, regardless of names. */
export function shapeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [k, v] of x) { common += Math.min(v, y.get(k) ?? 0); total += v; }
  for (const v of y.values()) total += v;
  return total ? (2 * common) / total : 0;
}

function paramSimilarity(a: string[], b: string[]): number {
  if (!a.length && !b.length) return 1;
  const union = new Set([...a, ...b]);
  const both = a.filter((p) => b.includes(p)).length;
  const sameCount = a.length === b.length ? 0.5 : 0;
  return Math.min(1, both / union.size + sameCount * (both === 0 ? 1 : 0));
}

export function similarity(a: FunctionFacts, b: FunctionFacts): number {
  return 0.7 * shapeSimilarity(a.shape, b.shape) + 0.3 * paramSimilarity(a.params, b.params);
}

const RENAME_THRESHOLD = 0.6;
// With exactly one function gone and one new, a looser match is still far likelier a rename.
const LONE_RENAME_THRESHOLD = 0.45;

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

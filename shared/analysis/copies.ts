// Slices and substrings taken inside a loop: `s[i:i + k]`, `s.substring(j, i)`, `s.substr(i, k)`.
// Each copies its stretch, so one whose length grows with the input costs O(n) per pass; a fixed
// width (`s[i:i + 2]`, `substring(i, i + 1)`) or a loop that steps by the width (chunking) does not.
import type { Node } from 'web-tree-sitter';
import type { Collected, LoopCtx, Scope } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import { argsOf, isNumber, namedKids, opOf } from './tree.ts';

export interface CopyEv { node: Node; line: number; scope: Scope }

/** `[start, stop)` form (Python slices, JS slice/substring, Java substring) or `(start, length)` (substr). */
type Bounds = { start: Node | null; stop: Node | null } | { start: Node | null; length: Node | null };

function sliceBounds(slice: Node): Bounds {
  const parts: (Node | null)[] = [null];
  for (const ch of slice.children) {
    if (!ch) continue;
    if (ch.type === ':') parts.push(null);
    else if (ch.isNamed) parts[parts.length - 1] = ch;
  }
  // A step (`s[::-1]`) walks the whole stretch too; only start and stop decide its length.
  return { start: parts[0] ?? null, stop: parts.length > 1 ? parts[1] ?? null : parts[0] ?? null };
}

/** The width as written when it is not a constant (`k` in `s[i:i + k]`), or null when constant. */
function growingWidth(b: Bounds, spec: SyntaxSpec): string | null {
  if ('length' in b) return !b.length ? 'rest' : isNumber(b.length, spec) ? null : b.length.text;
  const { start, stop } = b;
  // `s.slice(-1)`: a fixed number of items from the end.
  if (!stop) return start && isNumber(start, spec) && start.text.startsWith('-') ? null : 'rest';
  if (!start) return isNumber(stop, spec) ? null : stop.text;
  if (isNumber(start, spec) && isNumber(stop, spec)) return null;
  if (stop.text === start.text) return null;
  const kids = namedKids(stop);
  if (opOf(stop) === '+' && kids[0]?.text === start.text) return kids[1] && isNumber(kids[1], spec) ? null : kids[1]?.text ?? 'rest';
  // `s[i - 2:i]`, `substring(i - 2, i)`: a fixed width ending at i.
  const startKids = namedKids(start);
  if (opOf(start) === '-' && startKids[0]?.text === stop.text && startKids[1] && isNumber(startKids[1], spec)) return null;
  return stop.text;
}

/** Chunking: `for (i = 0; i < n; i += size) out.push(a.slice(i, i + size))` copies each item once in all. */
function stepsByWidth(loop: LoopCtx | undefined, width: string, c: Collected): boolean {
  if (!loop) return false;
  return c.assigns.some((a) => a.op === '+=' && a.value?.text === width && loop.vars.includes(a.name) && a.scope.loops.includes(loop));
}

/** Inside a `return`: it runs once, when the loop ends the function, not on every pass. */
function returned(n: Node, spec: SyntaxSpec): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (spec.returns.includes(p.type)) return true;
    if (spec.loops[p.type] || spec.functions.includes(p.type)) return false;
  }
  return false;
}

/**
 * `for w in s.split(): w[1:]`: the words partition one string, so copies of each word add up to
 * its length, not n per word.
 */
function partOfSplit(receiver: Node | null, scope: Scope): boolean {
  const loop = scope.loops[scope.loops.length - 1];
  if (!receiver || !loop?.iter || !loop.vars.includes(receiver.text)) return false;
  return /\.(split|Fields)\(|\bsplit\(|strings\.Fields\(/.test(loop.iter.text);
}

export function findCopies(c: Collected, spec: SyntaxSpec): CopyEv[] {
  const out: CopyEv[] = [];
  const consider = (node: Node, scope: Scope, b: Bounds, receiver: Node | null): void => {
    const width = growingWidth(b, spec);
    if (!width || stepsByWidth(scope.loops[scope.loops.length - 1], width, c) || returned(node, spec) || partOfSplit(receiver, scope)) return;
    out.push({ node, line: node.startPosition.row + 1, scope });
  };
  for (const s of c.subscripts) {
    if (s.scope.loops.length && s.index?.type === 'slice') consider(s.node, s.scope, sliceBounds(s.index), s.object);
  }
  for (const e of c.calls) {
    if (!e.scope.loops.length || !e.receiver) continue;
    const [a, b] = argsOf(e.node);
    if (/^(slice|substring)$/.test(e.last)) consider(e.node, e.scope, { start: a ?? null, stop: b ?? null }, e.receiver);
    else if (/^(substr)$/.test(e.last) && a) consider(e.node, e.scope, { start: a, length: b ?? null }, e.receiver);
  }
  return out;
}

// Facts about the code an answer is graded against, computed at grading time from the code the
// question was asked about (not only from the key stored with the question, which may come from
// another provider or an older snapshot): the function's cost, what it returns, what each variable
// is assigned and what is pushed into each container, and its recursion.
import { analyzeCode, type CodeAnalysis, type FunctionFacts } from '../../../../shared/analysis/index.ts';
import { pickFunction } from '../code.ts';
import { Lines } from '../text.ts';
import { codeCost, type Cost } from './cost.ts';

export interface CodeFacts {
  language: string;
  analysis: CodeAnalysis | null;
  fn: FunctionFacts | null;
  lines: Lines;
  /** the function's own source text */
  body: string;
  cost: Cost | null;
  /** expressions after `return` */
  returns: string[];
  /** right-hand sides written to each variable (`x = …`, `x += …`, `x := …`) */
  writes: Map<string, string[]>;
  /** expressions pushed/appended/added into each container */
  pushes: Map<string, string[]>;
  /** values written under a key: `counts[w] = …`, `m.put(k, …)`, `m[k]++` (the map's value expressions) */
  entries: Map<string, string[]>;
  /** `name = { k: v, … }` / `map[...]...{ k: v }` literals: the quoted keys and values */
  literals: Map<string, { keys: string[]; values: string[] }>;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function add(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k) ?? [];
  list.push(v.trim());
  m.set(k, list);
}

/** Writes, pushes, returns and map literals read from the function's text. */
export function readBody(body: string): Pick<CodeFacts, 'returns' | 'writes' | 'pushes' | 'literals' | 'entries'> {
  const returns: string[] = [];
  const entries = new Map<string, string[]>();
  const writes = new Map<string, string[]>();
  const pushes = new Map<string, string[]>();
  const literals = new Map<string, { keys: string[]; values: string[] }>();
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\/\/.*$|#(?![include]).*$/, '');
    for (const m of line.matchAll(/\breturn\b\s*([^;{}]+?)\s*;?\s*$/g)) if (m[1].trim()) returns.push(m[1].trim());
    for (const m of line.matchAll(/(?<![.\w])([A-Za-z_]\w*)\s*(\+=|-=|\*=|:=|(?<![=!<>])=(?!=))\s*([^;]+?)\s*;?\s*$/g)) add(writes, m[1], m[2] === '+=' ? `${m[1]} + ${m[3]}` : m[3]);
    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\s*\.\s*(?:push|append|add|push_back|emplace_back|addLast|offer|push_front|appendleft|unshift)\s*\(([^;]*)\)/g)) add(pushes, m[1], m[2]);
    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\s*=\s*append\(\s*\1\s*,\s*([^;]*)\)/g)) add(pushes, m[1], m[2]);
    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\s*\[[^\]=]+\]\s*(\+=|-=|(?<![=!<>])=(?!=))\s*([^;]+?)\s*;?\s*$/g)) add(entries, m[1], m[2] === '=' ? m[3] : `+ ${m[3]}`);
    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\s*\[[^\]]+\]\s*(\+\+|--)/g)) add(entries, m[1], '+ 1');
    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\s*\.\s*(?:put|merge|set)\s*\(\s*[^,]+,\s*([^;]*)\)/g)) add(entries, m[1], m[2]);
  }
  // Map literals spanning one line: pairs = { '(': ')', ... } / map[rune]rune{')': '(', ...}
  for (const m of body.matchAll(/\b([A-Za-z_]\w*)\s*(?::[^=\n]*)?(?::=|=)\s*(?:map\[[^\]]*\]\w+|new\s+\w+[^{]*|dict\()?\s*\{((?:'[^'\n]*'|"[^"\n]*"|[^{}\n'"])*)\}/g)) {
    const pairs = [...m[2].matchAll(/(['"`])(.{1,3}?)\1\s*[:,]\s*(['"`])(.{1,3}?)\3/g)];
    if (pairs.length) literals.set(m[1], { keys: pairs.map((p) => p[2]), values: pairs.map((p) => p[4]) });
  }
  return { returns, writes, pushes, literals, entries };
}

const cache = new Map<string, Promise<CodeFacts>>();

/** Facts for `fnName` (or the most interesting function) in `code`; never throws. */
export function codeFacts(code: string, language: string, fnName: string | undefined): Promise<CodeFacts> {
  const key = `${language}\u0000${fnName ?? ''}\u0000${code}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = compute(code, language, fnName);
    if (cache.size > 200) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

async function compute(code: string, language: string, fnName: string | undefined): Promise<CodeFacts> {
  const lines = new Lines(code);
  const analysis = code.trim() ? await analyzeCode(code, language).catch(() => null) : null;
  const fn = pickFunction(analysis, fnName);
  const body = fn ? lines.range(fn.startLine, fn.endLine).join('\n') : code;
  return { language: analysis?.language ?? language.toLowerCase(), analysis, fn, lines, body, cost: fn ? codeCost(fn) : null, ...readBody(body) };
}

/** Whether `name` is written from an expression that reads `name` itself (a running value, not a copy). */
export function readsItself(f: CodeFacts, name: string): boolean {
  return (f.writes.get(name) ?? []).some((rhs) => new RegExp(`(?<![\\w.])${esc(name)}(?![\\w])`).test(rhs));
}

/** Whether the function returns `name` (alone, not inside a bigger expression). */
export function returnsVar(f: CodeFacts, name: string): boolean {
  return f.returns.some((r) => r.replace(/[()\s]/g, '') === name);
}

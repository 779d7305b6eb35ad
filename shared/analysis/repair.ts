// Candidates are analysed mid-keystroke, so the code is often broken on the line being typed.
// tree-sitter recovers, but one half-typed header can swallow a whole function into an ERROR node.
// We measure the damage on the original parse, then stub out the offending line(s) — keeping line
// numbers intact — and analyse the best repaired tree. A regex pass finds function headers the
// tree still misses.
import { Edit, type Node, type Parser, type Tree } from 'web-tree-sitter';
import type { LanguageId } from './types.ts';

export interface ParseOutcome {
  tree: Tree;
  parseOk: boolean;
  errorRatio: number;
  /** Lines (1-based) still broken after repair, plus the lines we stubbed out. */
  errorLines: Set<number>;
  /** Original text of the lines we replaced to get a usable tree. */
  stubbed: { line: number; text: string }[];
}

interface Damage {
  bytes: number;
  count: number;
  /** Start rows of ERROR nodes, largest first, then rows of MISSING tokens. */
  rows: number[];
  /** Every row an ERROR node covers: where to look for a half-typed line. */
  span: Set<number>;
}

function damage(root: Node): Damage {
  const d: Damage = { bytes: 0, count: 0, rows: [], span: new Set() };
  const errors: { row: number; size: number }[] = [];
  const missing: number[] = [];
  const visit = (n: Node, insideError: boolean): void => {
    // The parser notices a broken line at the next token, so the row before an error is a suspect too.
    if (n.isMissing) { d.count++; d.bytes += 1; missing.push(n.startPosition.row); d.span.add(n.startPosition.row - 1).add(n.startPosition.row); }
    if (n.isError) {
      d.count++;
      if (!insideError) d.bytes += n.endIndex - n.startIndex;
      errors.push({ row: n.startPosition.row, size: n.endIndex - n.startIndex });
      for (let r = n.startPosition.row - 1; r <= n.endPosition.row && d.span.size < 200; r++) d.span.add(r);
    }
    if (!n.hasError && !n.isError) return;
    for (const c of n.children) if (c) visit(c, insideError || n.isError);
  };
  visit(root, false);
  errors.sort((a, b) => b.size - a.size);
  const smallest = errors[errors.length - 1];
  d.rows = [...new Set([...errors.slice(0, 1).map((e) => e.row), ...(smallest ? [smallest.row] : []), ...missing])];
  return d;
}

const HEADER_RE = /^\s*(def|class|for|while|if|elif|else|with|try|except|finally)\b/;

/** A line that cannot be finished as written: open brackets, a trailing operator, a colon-less header. */
function looksUnfinished(line: string, language: LanguageId): boolean {
  const code = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/(#|\/\/).*$/, '').trimEnd();
  if (!code.trim()) return false;
  // Braces open blocks across lines in C-family code, so only parentheses and brackets count there.
  const [open, close] = language === 'python' ? ['([{', ')]}'] : ['([', ')]'];
  let depth = 0;
  for (const ch of code) depth += open.includes(ch) ? 1 : close.includes(ch) ? -1 : 0;
  if (depth > 0) return true;
  if (/(\.|,|\(|\[|[-+*/%=<>&|^!]|\band|\bor|\bnot|\bin)$/.test(code) && !/(\+\+|--)$/.test(code)) return true;
  return language === 'python' && HEADER_RE.test(code) && !code.endsWith(':');
}

function candidateRows(d: Damage, lines: string[], language: LanguageId, done: Set<number>): number[] {
  const unfinished = [...d.span].sort((a, b) => a - b).filter((r) => !done.has(r) && looksUnfinished(lines[r] ?? '', language));
  return [...new Set([...unfinished.slice(0, 2), ...d.rows.filter((r) => !done.has(r))])].slice(0, 3);
}

const score = (d: Damage): number => d.bytes + 40 * d.count;

function variants(lines: string[], row: number, language: LanguageId): string[] {
  const line = lines[row] ?? '';
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const blank = ' '.repeat(line.length);
  if (language !== 'python') return [blank];
  // `pass` keeps the enclosing block non-empty; `if True:` keeps an indented body attached.
  const out = [`${indent}pass`, blank];
  const next = lines.slice(row + 1).find((l) => l.trim() !== '');
  if (next && (/^[ \t]*/.exec(next)?.[0].length ?? 0) > indent.length) out.unshift(`${indent}if True:`);
  return out;
}

const MAX_ROUNDS = 5;
const MAX_PARSES = 15;

/** Incremental re-parse after replacing one line: ~10x cheaper than parsing from scratch. */
function reparse(parser: Parser, tree: Tree, lines: string[], row: number, text: string): Tree | null {
  const start = lines.slice(0, row).reduce((sum, l) => sum + l.length + 1, 0);
  const oldLen = lines[row]?.length ?? 0;
  const copy = tree.copy();
  copy.edit(new Edit({
    startIndex: start, oldEndIndex: start + oldLen, newEndIndex: start + text.length,
    startPosition: { row, column: 0 }, oldEndPosition: { row, column: oldLen }, newEndPosition: { row, column: text.length },
  }));
  const next = [...lines];
  next[row] = text;
  const out = parser.parse(next.join('\n'), copy);
  copy.delete();
  return out;
}

export function parseWithRepair(parser: Parser, code: string, language: LanguageId): ParseOutcome {
  const original = parser.parse(code);
  if (!original) throw new Error('tree-sitter returned no tree');
  if (!original.rootNode.hasError) {
    return { tree: original, parseOk: true, errorRatio: 0, errorLines: new Set(), stubbed: [] };
  }
  const first = damage(original.rootNode);
  let best = original;
  let bestDamage = first;
  let lines = code.split('\n');
  const stubbed: { line: number; text: string }[] = [];
  let budget = MAX_PARSES;
  for (let round = 0; round < MAX_ROUNDS && bestDamage.count > 0; round++) {
    const rows = candidateRows(bestDamage, lines, language, new Set(stubbed.map((st) => st.line - 1)));
    // Best stub over the likeliest rows. Re-parsing a tree with errors costs a few ms even
    // incrementally, hence the small candidate set and the overall parse budget.
    let pick: { tree: Tree; damage: Damage; row: number; lines: string[] } | null = null;
    for (const row of rows) {
      for (const text of variants(lines, row, language)) {
        if (budget-- <= 0) break;
        const tree = reparse(parser, best, lines, row, text);
        if (!tree) continue;
        const d = damage(tree.rootNode);
        if (score(d) < score(pick?.damage ?? bestDamage)) {
          pick?.tree.delete();
          const next = [...lines];
          next[row] = text;
          pick = { tree, damage: d, row, lines: next };
        } else {
          tree.delete();
        }
      }
    }
    if (!pick) break;
    if (best !== original) best.delete();
    stubbed.push({ line: pick.row + 1, text: lines[pick.row] ?? '' });
    best = pick.tree;
    bestDamage = pick.damage;
    lines = pick.lines;
  }
  if (best !== original) original.delete();
  // What we had to throw away plus what is still unplaced: one half-typed line in a long file is a
  // small ratio, a paste of prose stays near 1. (The raw ERROR span is useless here: tree-sitter
  // often wraps a whole file in one ERROR node because of a single missing token.)
  const lost = stubbed.reduce((sum, s) => sum + s.text.length + 1, 0) + bestDamage.bytes;
  const errorRatio = Math.min(1, Math.round((lost / Math.max(1, code.length)) * 1000) / 1000);
  const errorLines = new Set([...bestDamage.rows.map((r) => r + 1), ...stubbed.map((s) => s.line)]);
  return { tree: best, parseOk: false, errorRatio: Math.max(errorRatio, 0.001), errorLines, stubbed };
}

export interface SalvagedHeader { name: string; params: string[]; startLine: number; endLine: number }

const CONTROL = new Set(['if', 'for', 'while', 'switch', 'return', 'catch', 'else', 'do', 'sizeof', 'new', 'delete', 'elif', 'with']);

const HEADERS: Record<LanguageId, RegExp[]> = {
  python: [/^([ \t]*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(([^)]*)/],
  javascript: [/^([ \t]*)(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(([^)]*)/,
    /^([ \t]*)(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:function\b[^(]*)?\(([^)]*)\)?[^=]*=>/],
  typescript: [],
  java: [/^([ \t]*)(?:(?:public|private|protected|static|final|abstract|synchronized)\s+)*(?:<[^>]*>\s*)?[\w<>[\],.? ]+?\s+([A-Za-z_]\w*)\s*\(([^)]*)\)?\s*(?:throws\s+[\w., ]+)?\s*\{?\s*$/],
  cpp: [/^([ \t]*)(?:[\w:<>,*&~]+\s+)+[*&]?\s*((?:\w+::)*~?[A-Za-z_]\w*)\s*\(([^)]*)\)?\s*(?:const)?\s*(?:override)?\s*\{?\s*$/],
  go: [/^([ \t]*)func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(([^)]*)/],
};
HEADERS.typescript = HEADERS.javascript;

function paramNames(raw: string, language: LanguageId): string[] {
  return raw.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
    const cleaned = p.replace(/=.*$/, '').replace(/^[*.]+|\.\.\./g, '').trim();
    const words = cleaned.replace(/:.*$/, '').match(/[A-Za-z_$][\w$]*/g) ?? [];
    // Typed C-family parameters put the name last; Python, JS and Go put it first.
    return (language === 'java' || language === 'cpp' ? words[words.length - 1] : words[0]) ?? '';
  }).filter((n) => n && n !== 'self' && n !== 'cls');
}

/** Function headers found by text alone, for broken code the tree could not place. */
export function salvageHeaders(code: string, language: LanguageId): SalvagedHeader[] {
  const lines = code.split('\n');
  const out: SalvagedHeader[] = [];
  lines.forEach((line, row) => {
    for (const re of HEADERS[language]) {
      const m = re.exec(line);
      const name = m?.[2]?.split('::').pop();
      if (!m || !name || CONTROL.has(name)) continue;
      out.push({ name, params: paramNames(m[3] ?? '', language), startLine: row + 1, endLine: blockEnd(lines, row, (m[1] ?? '').length, language) });
      break;
    }
  });
  return out;
}

function blockEnd(lines: string[], row: number, indent: number, language: LanguageId): number {
  let end = row;
  if (language === 'python') {
    for (let r = row + 1; r < lines.length; r++) {
      const l = lines[r] ?? '';
      if (!l.trim()) continue;
      if ((/^[ \t]*/.exec(l)?.[0].length ?? 0) <= indent) break;
      end = r;
    }
    return end + 1;
  }
  let depth = 0;
  let opened = false;
  for (let r = row; r < lines.length; r++) {
    for (const ch of (lines[r] ?? '').replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '')) {
      if (ch === '{') { depth++; opened = true; } else if (ch === '}') depth--;
    }
    end = r;
    if (opened && depth <= 0) break;
  }
  return end + 1;
}

/** What a half-typed loop header seems to walk: `for j in range(i + 1, len(nums` → `nums`. */
export function guessIterates(text: string): string | undefined {
  const patterns = [/len\(\s*([A-Za-z_]\w*)/, /([A-Za-z_]\w*)\s*\.\s*(?:length|size|len)\b/, /([A-Za-z_]\w*)\s*\.\s*$/,
    /\b(?:in|of)\s+([A-Za-z_]\w*)/, /range\s+([A-Za-z_]\w*)/, /:\s*([A-Za-z_]\w*)\s*\)?\s*\{?\s*$/, /<=?\s*([A-Za-z_]\w*)/];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m?.[1] && !/^(range|len|enumerate|i|j|k)$/.test(m[1])) return m[1];
  }
  return undefined;
}

// Candidates are analysed mid-keystroke, so the code is often broken on the line being typed.
// tree-sitter recovers, but one half-typed header can swallow a whole function into an ERROR node.
// We measure the damage on the original parse, then stub out the offending line(s) — keeping line
// numbers intact — and analyse the best repaired tree. A regex pass finds function headers the
// tree still misses.
import type { Node, Parser, Tree } from 'web-tree-sitter';
import type { LanguageId } from './types.ts';

export interface ParseOutcome {
  tree: Tree;
  parseOk: boolean;
  errorRatio: number;
  /** Lines (1-based) where the original parse had an ERROR or MISSING node. */
  errorLines: Set<number>;
  /** Original text of the lines we replaced to get a usable tree. */
  stubbed: { line: number; text: string }[];
}

interface Damage { bytes: number; count: number; rows: number[] }

function damage(root: Node): Damage {
  const d: Damage = { bytes: 0, count: 0, rows: [] };
  const visit = (n: Node, insideError: boolean): void => {
    if (n.isMissing) { d.count++; d.bytes += 1; d.rows.push(n.startPosition.row); }
    if (n.isError) {
      d.count++;
      if (!insideError) d.bytes += n.endIndex - n.startIndex;
      d.rows.push(n.startPosition.row);
    }
    if (!n.hasError && !n.isError) return;
    for (const c of n.children) if (c) visit(c, insideError || n.isError);
  };
  visit(root, false);
  return d;
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

export function parseWithRepair(parser: Parser, code: string, language: LanguageId): ParseOutcome {
  const original = parser.parse(code);
  if (!original) throw new Error('tree-sitter returned no tree');
  if (!original.rootNode.hasError) {
    return { tree: original, parseOk: true, errorRatio: 0, errorLines: new Set(), stubbed: [] };
  }
  const first = damage(original.rootNode);
  const errorLines = new Set(first.rows.map((r) => r + 1));
  const errorRatio = Math.min(1, Math.round((first.bytes / Math.max(1, code.length)) * 1000) / 1000);
  let best = original;
  let bestDamage = first;
  let lines = code.split('\n');
  const stubbed: { line: number; text: string }[] = [];
  for (let round = 0; round < MAX_ROUNDS && bestDamage.count > 0; round++) {
    // The innermost and the outermost error rows are the likeliest culprits; try both.
    const rows = [...new Set([bestDamage.rows[bestDamage.rows.length - 1], bestDamage.rows[0], ...bestDamage.rows])]
      .filter((r): r is number => r !== undefined && !stubbed.some((s) => s.line === r + 1)).slice(0, 3);
    let pick: { tree: Tree; damage: Damage; row: number; lines: string[] } | null = null;
    for (const row of rows) {
      for (const text of variants(lines, row, language)) {
        const next = [...lines];
        next[row] = text;
        const tree = parser.parse(next.join('\n'));
        if (!tree) continue;
        const d = damage(tree.rootNode);
        if (score(d) < score(pick?.damage ?? bestDamage)) {
          pick?.tree.delete();
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
  return { tree: best, parseOk: false, errorRatio, errorLines, stubbed };
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

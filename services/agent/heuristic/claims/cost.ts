// Complexity in the one-variable convention, from the code and from the answer. People state cost
// with several size variables ("O(n·m log m)" for n words of length m, "O(rows × cols)" for a grid,
// "O(V + E)"); the static estimate has one. Every size variable is read as n, a sum keeps its largest
// term, and a product adds the powers: O(m·n) ≡ O(n^2), O(n + m) ≡ O(n), O(n·k log k) ≡ O(n^2 log n).
import type { FunctionFacts } from '../../../../shared/analysis/index.ts';
import { norm } from '../text.ts';

export interface Cost { p: number; l: number; exp: boolean }

const SIZE_VARS = '(?:n|m|k|l|w|h|r|c|v|e|s|rows?|cols?|columns?|cells?|len|length|words?|chars?|nodes?|edges?|size)';
const FACTOR = `(?:(?:log|lg)\\s*\\(?\\s*${SIZE_VARS}(?![a-z])\\s*\\)?|(?<![a-z])${SIZE_VARS}(?![a-z])(?:\\s*\\^\\s*\\d)?)`;

/** The cost of one product term such as "n * m log m" or "k^2": powers of size variables and logs. */
function termCost(term: string): Cost | null {
  const t = term.trim();
  if (/^\d+$/.test(t)) return { p: 0, l: 0, exp: false };
  if (/^\d+\s*\^\s*\w+$/.test(t)) return { p: 0, l: 0, exp: true };
  let p = 0;
  let l = 0;
  // Inside O(...) any other name is a size too: O(n + max), O(V + E), O(len(nums)), O(nums.length).
  let rest = t.replace(/\b(?:len|size|length)\s*\(\s*[a-z_][\w.]*\s*\)|\b[a-z_]\w*\.(?:length|size\(\)|len\(\))/g, 'n')
    .replace(/\b(?:number|total|amount|size|length|count)\s+of\s+(?:the\s+)?/g, '')
    .replace(/\b[a-z_]\w*/g, (w) => (/^(?:log|lg|[nmkwhrc]{1,3})$/.test(w) || new RegExp(`^${SIZE_VARS}$`).test(w) ? w : 'n'));
  rest = rest.replace(new RegExp(`(?:log|lg)\\s*\\(?\\s*${SIZE_VARS}\\s*\\)?`, 'g'), () => { l++; return ' '; });
  rest = rest.replace(new RegExp(`(?<![a-z])${SIZE_VARS}(?:\\s*\\^\\s*(\\d))?(?![a-z])`, 'g'), (_m, pow?: string) => { p += pow ? Number(pow) : 1; return ' '; });
  // "mn", "nk": adjacent one-letter sizes.
  rest = rest.replace(/(?<![a-z])([nmkwhrc]{2,3})(?![a-z])/g, (m: string) => { p += m.length; return ' '; });
  rest = rest.replace(/\/\s*\d+/g, ' ').replace(/\d+(?:\.\d+)?/g, ' ');
  if (!/^[\s*·×x.()]*$/.test(rest)) return null;
  return { p, l, exp: false };
}

/** The class of the inside of an O(...) with any size variables, or null when it is not one. */
export function canonicalCost(inner: string): Cost | null {
  const s = norm(inner).replace(/[·×⋅]/g, '*').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  // A parenthesised power: (m*n)^2.
  const pow = /^\((.+)\)\s*\^\s*(\d)$/.exec(s);
  if (pow) {
    const c = canonicalCost(pow[1]);
    return c ? { p: c.p * Number(pow[2]), l: c.l * Number(pow[2]), exp: c.exp } : null;
  }
  let best: Cost | null = null;
  for (const term of s.split(/\s*\+\s*/)) {
    const c = termCost(term.replace(/^\((.*)\)$/, '$1'));
    if (!c) return null;
    if (!best || greater(c, best)) best = c;
  }
  return best;
}

export const greater = (a: Cost, b: Cost): boolean => (a.exp !== b.exp ? a.exp : a.p !== b.p ? a.p > b.p : a.l > b.l);
export const sameCost = (a: Cost, b: Cost): boolean => a.exp === b.exp && (a.exp || (a.p === b.p && a.l === b.l));

/** The class name the rest of the grader reads ('O(n^2 log n)' included). */
export function costName(c: Cost): string {
  if (c.exp) return 'O(2^n)';
  const poly = c.p === 0 ? '' : c.p === 1 ? 'n' : `n^${c.p}`;
  const log = c.l === 0 ? '' : c.l === 1 ? 'log n' : `log^${c.l} n`;
  return `O(${[poly, log].filter(Boolean).join(' ') || '1'})`;
}

export function costOf(name: string | undefined): Cost | null {
  if (!name) return null;
  const m = /^o\((.*)\)$/i.exec(name.trim());
  return m ? canonicalCost(m[1]) : null;
}

/**
 * Rewrites several-variable complexity talk into the one-variable forms the class reader knows:
 * "O(n·m log m)" → "O(n^2 log n)", "O(rows × cols)" → "O(n^2)", "n * k log k" → "O(n^2 log n)",
 * "linear in the number of cells" → "O(n^2)" (cells are rows × columns).
 */
export function oneVariable(text: string): string {
  let t = text.replace(/\b[Oo]\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (m, inner: string) => {
    if (/^\s*n\s*$/i.test(inner) || /^\s*1\s*$/.test(inner)) return m;
    // A square root is its own class, not a product of sizes.
    if (/sqrt|√|\^\s*\(?\s*(?:0?\.5|1\s*\/\s*2)/i.test(inner)) return m;
    const c = canonicalCost(inner);
    return c ? costName(c) : m;
  });
  // Bare products of two named sizes: "n * m log m", "rows x cols", "m by n".
  // Factors joined by an operator, or one-letter sizes side by side before a log ("n k log k").
  const product = new RegExp(`(?<![\\w(])(${FACTOR}(?:(?:\\s*(?:\\*|·|×|\\bx\\b|\\bby\\b|\\btimes\\b)\\s*|\\s+(?=log|lg))${FACTOR}){1,3}|[nmk]\\s+[nmk]\\s+log\\s*\\(?[nmk]\\)?)(?![\\w)])`, 'gi');
  t = t.replace(product, (m: string) => {
    // "words by length" groups; only dimensions are multiplied by "by" ("m by n", "rows by columns").
    if (/\bby\b/i.test(m) && m.split(/\s+by\s+/i).some((f) => /^[a-z]{3,}$/i.test(f.trim()) && !/^(rows?|cols?|columns?)$/i.test(f.trim()))) return m;
    const inner = m.replace(/\bby\b|\btimes\b|\bx\b/gi, '*');
    const factors = inner.match(new RegExp(FACTOR, 'gi')) ?? [];
    if (factors.length < 2 || !/[*·×]|\s/.test(inner)) return m;
    // "n log n" and "log n" are already read; only rewrite products naming two different sizes.
    const vars = new Set(factors.map((f) => f.replace(/^(?:log|lg)\s*\(?\s*|\s*\)?$|\s*\^\s*\d$/gi, '').toLowerCase()));
    if (vars.size < 2) return m;
    const c = canonicalCost(inner);
    return c ? costName(c) : m;
  });
  return t.replace(/\blinear\s+in\s+the\s+(?:total\s+)?(?:number of cells|size of the grid|grid size|number of grid cells|area)\b/gi, 'O(n^2)');
}

const FROM_CLASS: Record<string, Cost> = {
  'O(1)': { p: 0, l: 0, exp: false }, 'O(log n)': { p: 0, l: 1, exp: false }, 'O(n)': { p: 1, l: 0, exp: false },
  'O(n log n)': { p: 1, l: 1, exp: false }, 'O(n^2)': { p: 2, l: 0, exp: false }, 'O(n^3)': { p: 3, l: 0, exp: false },
  'O(2^n)': { p: 0, l: 0, exp: true },
};

/**
 * The function's cost from the code: the static estimate, and a sort inside loops counted with its
 * own n log n per pass (sorting each word inside a loop over words is n · m log m), which the
 * estimate's class list cannot say.
 */
export function codeCost(fn: FunctionFacts): Cost {
  // Read the estimate's class by its notation, so a class the estimator adds later (O(n^2 log n), O(m·n)) is understood too.
  let best = FROM_CLASS[fn.complexityEstimate] ?? costOf(fn.complexityEstimate) ?? FROM_CLASS['O(n)'];
  for (const line of fn.sortCalls) {
    const around = fn.loops.filter((l) => l.line < line && (l.endLine ?? fn.endLine) >= line && !l.constantBound && !l.amortized);
    const p = around.reduce((s, l) => s + (l.halving ? 0 : 1), 0) + 1;
    const c = { p, l: 1, exp: false };
    if (around.length && greater(c, best) || (around.length && c.p === best.p && c.l > best.l)) best = c;
  }
  // A halving loop inside linear loops (a loop over the bits of each i) adds a log factor per pass: n log n, not n.
  for (const inner of fn.loops.filter((l) => l.halving)) {
    const around = fn.loops.filter((l) => l !== inner && l.line < inner.line && (l.endLine ?? fn.endLine) >= inner.line && !l.constantBound && !l.amortized && !l.halving);
    const c = { p: around.length, l: 1, exp: false };
    if (around.length && greater(c, best)) best = c;
  }
  return best;
}

/**
 * A table with one entry per cell of a grid (`make([][]int, rows)` filled row by row, `[[0] * c for …]`,
 * `new int[r][c]`, `vector<vector<int>>(r, vector<int>(c))`) is rows × cols memory: O(n^2) in the
 * one-variable convention the grader reads O(m·n) in, whatever a one-list estimate says.
 */
export function tableSpace(body: string): boolean {
  return /\[\]\[\]\w|\[\s*\[[^\]]*\]\s*\*\s*\w+\s+for\b|\[\s*\[[^\]]*\]\s+for\b|\[\s*\[[^\]]*\]\s*\*\s*\w+\s*\]\s*\*|new\s+\w+\s*\[[^\]]+\]\s*\[[^\]]+\]|vector\s*<\s*(?:std::)?vector\s*</.test(body)
    || /Array\.from\([^)]*=>\s*(?:new\s+)?Array|\.map\(\s*\(\)\s*=>\s*(?:new\s+)?Array\(/.test(body);
}

/** A loop header bounded by a square root: `d * d <= n`, `i*i < n`, `range(2, isqrt(n) + 1)`, `n ** 0.5`, `Math.sqrt(n)`. */
export function sqrtBound(header: string): boolean {
  return /\b(\w+)\s*\*\s*\1\s*<=?\s*\w+|\bsqrt\s*\(|\bisqrt\s*\(|\*\*\s*0?\.5\b|\bpow\s*\([^,]+,\s*0?\.5\s*\)/.test(header);
}

// Text helpers shared by the question writer and the grader. Everything is pure and deterministic:
// the same answer always yields the same tokens, sentences and matches, so a grade can be replayed.

/** Lower-case, with the ways people type maths folded together (n² → n^2, n**2 → n^2, × → *). */
export function norm(s: string): string {
  // Superscripts first: NFKC would turn n² into "n2".
  return s
    .replace(/\u00b2/g, '^2')
    .replace(/\u00b3/g, '^3')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\*\*/g, '^')
    .replace(/[\u00d7\u00b7\u22c5]/g, '*')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\u2192|\u27f6/g, ' -> ')
    .replace(/\u2264/g, '<=')
    .replace(/\u2265/g, '>=')
    .toLowerCase()
    .replace(/[ \t]+/g, ' ');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Word stems grow a few English endings ("scan" → "scans", "scanning"); short words only a plural,
// so "set" does not also match "setting".
function termPattern(term: string): string {
  const t = norm(term).trim();
  // "out-of-bounds" is "out of bounds".
  const body = escapeRe(t).replace(/ /g, '[\\s-]+');
  const lastWord = /([a-z]+)$/.exec(t)?.[1] ?? '';
  const tail = lastWord.length >= 4 ? '(?:s|es|ed|d|ing)?' : lastWord ? 's?' : '';
  const left = /^[a-z0-9_]/.test(t) ? '(?<![a-z0-9_])' : '';
  const right = /[a-z0-9_]$/.test(t) ? '(?![a-z0-9_])' : '';
  return `${left}${body}${tail}${right}`;
}

const patternCache = new Map<string, RegExp>();

/** Whether `text` (already normalised) contains `term` as whole words. */
export function hasTerm(text: string, term: string): boolean {
  if (!term.trim()) return false;
  let re = patternCache.get(term);
  if (!re) {
    re = new RegExp(termPattern(term));
    if (patternCache.size > 5000) patternCache.clear();
    patternCache.set(term, re);
  }
  return re.test(text);
}

export const hasAny = (text: string, terms: readonly string[]) => terms.some((t) => hasTerm(text, t));
export const countTerms = (text: string, terms: readonly string[]) => terms.filter((t) => hasTerm(text, t)).length;

/**
 * Sentences, the unit in which concepts are counted. Splits on . ! ? followed by space, on new lines
 * and on semicolons, but not inside numbers ("1.5") or after "e.g."/"i.e.".
 */
export function sentences(text: string): string[] {
  return text
    .replace(/\b(e\.g|i\.e|etc|vs)\./gi, '$1')
    .split(/(?<=[.!?])\s+|\n+|;\s*/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

/** Lower-case word tokens (letters, digits, underscores; apostrophes kept inside words). */
export function words(text: string): string[] {
  return norm(text).match(/[a-z0-9_]+(?:'[a-z]+)?/g) ?? [];
}

/** 1-based line numbers the answer points at: "line 3", "lines 2-4", "lines 2 and 5", "L3". */
export function lineRefs(answer: string): number[] {
  const out = new Set<number>();
  const text = norm(answer);
  for (const m of text.matchAll(/\blines?\s*#?\s*(\d{1,4})((?:\s*(?:-|to|and|&|,|or)\s*\d{1,4})*)/g)) {
    const first = Number(m[1]);
    out.add(first);
    const rest = [...(m[2] ?? '').matchAll(/(-|to|and|&|,|or)\s*(\d{1,4})/g)];
    for (const r of rest) {
      const n = Number(r[2]);
      if ((r[1] === '-' || r[1] === 'to') && n > first && n - first <= 50) for (let i = first + 1; i <= n; i++) out.add(i);
      else out.add(n);
    }
  }
  for (const m of answer.matchAll(/\bL(\d{1,4})\b/g)) out.add(Number(m[1]));
  for (const m of text.matchAll(/\b(\d{1,4})(?:st|nd|rd|th) line\b/g)) out.add(Number(m[1]));
  return [...out].sort((a, b) => a - b);
}

/** Code spans quoted with backticks in the answer. */
export function quotedCode(answer: string): string[] {
  return [...answer.matchAll(/`([^`\n]{1,120})`/g)].map((m) => m[1].trim()).filter(Boolean);
}

/** Whole-identifier match, case-sensitive as code is; `it's` never matches an identifier `s`. */
export function hasIdentifier(answer: string, name: string): boolean {
  if (!name) return false;
  return new RegExp(`(?<![\\w$'])${escapeRe(name)}(?![\\w$'])`).test(answer);
}

/** The code's lines, 1-based access with a safe default. */
export class Lines {
  readonly all: string[];
  constructor(code: string) {
    this.all = code.split('\n');
  }
  get count(): number {
    return this.all.length - (this.all[this.all.length - 1] === '' ? 1 : 0);
  }
  at(line: number): string {
    return this.all[line - 1] ?? '';
  }
  /** The line's code without indentation or a trailing comment marker, shortened for a question. */
  snippet(line: number, max = 60): string {
    const t = this.at(line).trim().replace(/\s*[{:]\s*$/, '').replace(/\s+/g, ' ');
    return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
  }
  range(from: number, to: number): string[] {
    return this.all.slice(Math.max(0, from - 1), Math.max(0, to));
  }
}

/** Shortens an expression for quoting in a question. */
export function clip(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** "a, b and c" */
export function listPhrase(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** The word with its indefinite article: "a set", "an array". */
export function art(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** Distinct values in first-seen order. */
export function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

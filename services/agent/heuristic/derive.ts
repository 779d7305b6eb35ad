// Answer keys worked out statically from the code: what an empty input does in this language, which
// conditions a base case can be described by, how deep a recursion goes, what a sentinel start does.
// An interviewer who knows the exact outcome can grade "it crashes" as half an answer.
import type { FunctionFacts, GuardKind, IndexFirstFacts } from '../../../shared/analysis/index.ts';
import type { Outcome } from './expected.ts';
import { Lines } from './text.ts';

/** What `edge.expr` does when `edge.param` is empty, per language. */
export function emptyOutcome(edge: IndexFirstFacts, language: string, lines: Lines): Outcome {
  const text = lines.at(edge.line);
  const floaty = /\b(float|double|float64|float32)\b/.test(lines.all.join('\n'));
  const java = (): Outcome => /\.get\(\s*0\s*\)/.test(edge.expr)
    ? { kind: 'raises', label: 'throws IndexOutOfBoundsException', terms: ['indexoutofboundsexception', 'index out of bounds', 'out of bounds'] }
    : { kind: 'raises', label: 'throws ArrayIndexOutOfBoundsException', terms: ['arrayindexoutofboundsexception', 'indexoutofbounds', 'out of bounds', 'index out of bounds'] };
  switch (`${language}:${edge.via}`) {
    case 'python:index':
      return { kind: 'raises', label: 'raises IndexError', terms: ['indexerror', 'index out of range', 'list index out of range'] };
    case 'python:max_min':
      return { kind: 'raises', label: 'raises ValueError (empty sequence)', terms: ['valueerror', 'empty sequence', 'arg is an empty'] };
    case 'python:div_len':
      return { kind: 'raises', label: 'raises ZeroDivisionError', terms: ['zerodivisionerror', 'division by zero', 'divide by zero', 'divides by zero'] };
    case 'javascript:index':
    case 'typescript:index':
      return { kind: 'value', label: `${edge.expr} is undefined (no exception)`, terms: ['undefined'] };
    case 'javascript:max_min':
    case 'typescript:max_min':
      return /min/i.test(edge.expr)
        ? { kind: 'value', label: 'Math.min() of nothing is Infinity', terms: ['infinity'] }
        : { kind: 'value', label: 'Math.max() of nothing is -Infinity', terms: ['-infinity', 'negative infinity', 'infinity'] };
    case 'javascript:div_len':
    case 'typescript:div_len':
      return { kind: 'value', label: 'returns NaN (0 / 0)', terms: ['nan', 'not a number', 'not-a-number', 'non-number', 'non number', 'infinity'] };
    case 'java:index':
      return java();
    case 'java:max_min':
      return { kind: 'raises', label: 'throws NoSuchElementException', terms: ['nosuchelementexception', 'no such element', 'optional'] };
    case 'java:div_len':
      return floaty
        ? { kind: 'value', label: 'returns NaN', terms: ['nan', 'not a number', 'not-a-number', 'non-number', 'non number'] }
        : { kind: 'raises', label: 'throws ArithmeticException (/ by zero)', terms: ['arithmeticexception', 'by zero', 'divide by zero', 'division by zero'] };
    case 'cpp:index':
    case 'cpp:max_min':
      return { kind: 'undefined', label: 'undefined behaviour (reads past the end)', terms: ['undefined behavior', 'undefined behaviour', 'ub', 'garbage', 'segfault', 'segmentation fault', 'past the end', 'out of bounds'] };
    case 'cpp:div_len':
      return floaty
        ? { kind: 'value', label: 'gives NaN', terms: ['nan', 'not a number', 'not-a-number', 'non-number', 'non number'] }
        : { kind: 'undefined', label: 'integer division by zero: undefined behaviour, usually SIGFPE', terms: ['undefined behavior', 'undefined behaviour', 'sigfpe', 'floating point exception', 'divide by zero', 'division by zero'] };
    case 'go:index':
      return { kind: 'raises', label: 'panics: index out of range', terms: ['panic', 'index out of range', 'out of range'] };
    case 'go:max_min':
      return { kind: 'raises', label: 'panics (empty slice)', terms: ['panic', 'empty slice'] };
    case 'go:div_len':
      return floaty || /float/.test(text)
        ? { kind: 'value', label: 'gives NaN', terms: ['nan', 'not a number', 'not-a-number', 'non-number', 'non number'] }
        : { kind: 'raises', label: 'panics: integer divide by zero', terms: ['panic', 'divide by zero', 'division by zero'] };
    default:
      return { kind: 'raises', label: 'fails on the empty input', terms: ['error', 'exception', 'crash'] };
  }
}

/** Ways a candidate may state the base condition `text` (e.g. "n < 2" → "less than 2", "0 or 1"). */
export function baseTerms(text: string): string[] {
  const t = text.replace(/\s+/g, ' ').trim().replace(/^if\s*\(?\s*|\s*\)?\s*[:{]?\s*$/g, '').replace(/^\(|\)$/g, '');
  const out = new Set<string>([t, t.replace(/\s+/g, '')]);
  const m = /^([\w.]+(?:\(\w+\))?)\s*(<=|>=|==|===|<|>|!=)\s*(-?\d+)$/.exec(t);
  if (m) {
    const [, v, op, k] = m;
    const n = Number(k);
    const add = (...xs: string[]) => xs.forEach((x) => out.add(x));
    if (op === '<') add(`less than ${n}`, `below ${n}`, `smaller than ${n}`, `${v} <= ${n - 1}`, `under ${n}`);
    if (op === '<=') add(`at most ${n}`, `less than or equal to ${n}`, `${v} < ${n + 1}`, `less than ${n + 1}`);
    if (op === '==' || op === '===') add(`${v} is ${n}`, `${v} = ${n}`, `equals ${n}`, `reaches ${n}`, n === 0 ? 'zero' : `${n}`);
    if ((op === '<' && n === 2) || (op === '<=' && n === 1)) add('0 or 1', '1 or 0', 'zero or one', 'one or zero', `${v} is 0`, `${v} is 1`);
    if ((op === '<' && n === 1) || (op === '<=' && n === 0)) add(`${v} is 0`, 'zero', `${v} = 0`);
  }
  if (/len\(|\.length|\.size\(\)|\bnot \w+|!\w+|== null|is none|== nil|empty/.test(t)) add3(out);
  return [...out].filter((x) => x.length > 0);
}
function add3(out: Set<string>) {
  for (const x of ['empty', 'no elements', 'null', 'none', 'nil', 'no node', 'length 0', 'length is 0', 'reaches the end']) out.add(x);
}

export interface RecursionShape {
  depth: 'O(n)' | 'O(log n)';
  /** self-calls per activation (2 for fib) */
  branching: number;
  /** fib-like: calls on n - 1 and n - 2 with base n < 2 / n <= 1 */
  fibLike: boolean;
}

export function recursionShape(fn: FunctionFacts, lines: Lines): RecursionShape {
  const name = fn.name.replace(/[$]/g, '\\$');
  const callRe = new RegExp(`\\b${name}\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)`, 'g');
  const args: string[] = [];
  for (const l of fn.recursionCalls) for (const m of lines.at(l).matchAll(callRe)) args.push(m[1]);
  const halving = args.some((a) => /\/\/?\s*2\b|>>\s*1|\bmid\b|\/ 2/.test(a));
  const fibLike = args.some((a) => /-\s*1\b/.test(a)) && args.some((a) => /-\s*2\b/.test(a));
  return { depth: halving ? 'O(log n)' : 'O(n)', branching: Math.max(1, args.length), fibLike };
}

/** Calls made by naive fib(n) with base n < 2: 2·F(n+1) − 1. */
export function fibCalls(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n + 1; i++) [a, b] = [b, a + b];
  return 2 * a - 1;
}

/** "about 2.7 million" */
export function roughly(n: number): string {
  if (n >= 1e9) return `about ${(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `about ${(n / 1e6).toFixed(1)} million`;
  if (n >= 1e3) return `about ${Math.round(n / 1e3)} thousand`;
  return `${n}`;
}

export type InitKind = 'zero' | 'sentinel' | 'first' | 'one' | 'empty' | 'other';

export function initKind(init: string): InitKind {
  const s = init.replace(/\s+/g, '');
  if (/^0(\.0)?[lLfF]?$/.test(s)) return 'zero';
  if (/^1(\.0)?[lLfF]?$/.test(s)) return 'one';
  if (/inf|infinity|min_value|max_value|int_min|int_max|minint|maxint|min_safe|max_safe|numeric_limits|maxsize|^-?\d{9,}$/i.test(s)) return 'sentinel';
  if (/\[0\]$|\.get\(0\)$|\.front\(\)$|\.at\(0\)$/.test(s)) return 'first';
  if (/^(""|''|\[\]|\{\}|newArrayList<.*>\(\)|list\(\)|set\(\))$/.test(s)) return 'empty';
  return 'other';
}

/** Whether `name` keeps the largest ('max') or smallest ('min') value, read from its comparisons. */
export function holderDirection(name: string, lines: string[]): 'max' | 'min' | undefined {
  const n = name.replace(/[$]/g, '\\$');
  const body = lines.join('\n');
  if (new RegExp(`>=?\\s*${n}\\b|\\b${n}\\s*<=?(?!<)|\\bmax\\w*\\s*\\(\\s*${n}\\b|\\bmax\\w*\\s*\\([^)]*,\\s*${n}\\s*\\)`).test(body)) return 'max';
  if (new RegExp(`<=?\\s*${n}\\b|\\b${n}\\s*>=?(?!>)|\\bmin\\w*\\s*\\(\\s*${n}\\b|\\bmin\\w*\\s*\\([^)]*,\\s*${n}\\s*\\)`).test(body)) return 'min';
  return undefined;
}

/** Inputs that make a call in a try block throw, by what the call is. */
export function inputsFor(riskyText: string): string[] {
  const t = riskyText.toLowerCase();
  if (/\bint\(|parseint|stoi|atoi|parsefloat|float\(|number\(|parselong|valueof|strconv|stol|stod/.test(t)) {
    return ['abc', 'letters', 'non-numeric', 'not a number', 'not numeric', 'empty string', '""', 'whitespace', 'decimal', '1.5', '12a', 'overflow', 'too large', 'null', 'none', 'hello'];
  }
  if (/json|loads|unmarshal|parse\(/.test(t)) return ['malformed', 'invalid json', 'not valid json', 'empty string', 'trailing comma', 'single quotes', '{', 'undefined', 'garbage', 'broken'];
  if (/open\(|read|file|fopen|ifstream/.test(t)) return ['missing file', 'does not exist', "doesn't exist", 'not found', 'permission', 'wrong path', 'directory'];
  if (/\/|%|div/.test(t)) return ['zero', '0', 'divide by zero'];
  if (/\[|get\(|at\(/.test(t)) return ['empty', 'out of range', 'missing key', 'not present', 'absent'];
  return ['invalid', 'bad input', 'malformed', 'null', 'none', 'empty'];
}

/** What a guard of this kind protects against, in words a candidate would use. */
export function hazardTerms(kind: GuardKind): string[] {
  switch (kind) {
    case 'empty_check': return ['empty', 'no elements', 'zero length', 'indexerror', 'index out of range', 'nothing to', 'out of bounds'];
    case 'null_check': return ['null', 'none', 'nil', 'undefined', 'missing', 'nullpointerexception', 'no value', 'npe'];
    case 'zero_division': return ['divide by zero', 'division by zero', 'dividing by zero', 'zerodivisionerror', 'arithmeticexception', 'nan', 'infinity', 'zero'];
    case 'bounds': return ['out of range', 'out of bounds', 'past the end', 'overflow', 'indexerror', 'invalid index', 'negative index'];
    case 'early_return': return ['special case', 'base case', 'nothing to do', 'trivial', 'early', 'already', 'stop'];
    case 'error_check': return ['error', 'failed', 'failure', 'err', 'went wrong'];
  }
}

/** The condition of a while-style loop header, and the variables it reads. */
export function loopCondition(header: string): { text: string; vars: string[] } {
  const h = header.trim();
  const m = /^(?:while|for)\s*\(?\s*(.*?)\s*\)?\s*[:{]?\s*$/.exec(h);
  const text = (m?.[1] ?? h).replace(/;.*$/, '');
  const vars = [...new Set(text.match(/[A-Za-z_]\w*/g) ?? [])].filter((v) => !/^(len|and|or|not|true|false|null|None|nil|size|length|True|False)$/.test(v));
  return { text, vars };
}

/** Variables among `vars` that the loop body (lines) writes: the ones that make progress. */
export function writtenIn(vars: string[], body: string[]): string[] {
  const text = body.join('\n');
  return vars.filter((v) => new RegExp(`\\b${v}\\s*(?:[-+*/%]|//|>>|<<)?=(?!=)|\\b${v}\\s*(?:\\+\\+|--)|(?:\\+\\+|--)${v}\\b|\\b${v}\\s*,[^=\\n]*=(?!=)|\\b${v}\\s*=\\s*${v}\\.`).test(text));
}

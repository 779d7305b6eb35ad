import type { CodeAnalysis, DiffStats } from '../../shared/analysis/index.ts';
import { functionAt } from './candidates.ts';

// Is the code at a boundary, a moment a person would let someone ask them something? The edited
// line is complete (the cursor ends a finished statement or starts a fresh line) and the function
// around it parses. Never mid-token, never mid-line: `if (s[i` or `return tot` with the cursor at
// its end is still being typed, whatever the parser makes of it. A pause is a boundary by itself
// (rules.ts); code with no usable parse tree reaches a boundary only by a pause.

/** Where the editor's caret is: line 1-based (as the analysis counts lines), col 0-based (characters before the caret). */
export interface Cursor {
  line: number;
  col: number;
}

/** A statement or block that ends in one of these is finished as far as the line can tell. */
const COMPLETE_END = /[;})\]]$/;

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * Brackets the text opens and does not close (negative when it closes more than it opens, as the
 * last line of a call split over lines does). Strings and comments do not count: a line's own
 * quotes end with it; triple quotes, template literals and block comments run across lines. A
 * string still open at the end counts as an open bracket, since it is as unfinished.
 */
export function openBrackets(text: string, kinds = OPENERS): number {
  let depth = 0;
  let quote = ''; // the open string's quote (", ', `, """, '''), '/*' in a block comment, or ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      const end = quote === '/*' ? '*/' : quote;
      if (ch === '\n' && (quote === '"' || quote === "'")) quote = ''; // a one-line string left open
      else if (ch === '\\') i++;
      else if (text.startsWith(end, i)) {
        i += end.length - 1;
        quote = '';
      }
      continue;
    }
    const three = text.slice(i, i + 3);
    if (three === '"""' || three === "'''") {
      quote = three;
      i += 2;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (ch === '/' && text[i + 1] === '*') {
      quote = '/*';
      i++;
    } else if ((ch === '/' && text[i + 1] === '/') || (ch === '#' && (i === 0 || /\s/.test(text[i - 1])))) {
      const eol = text.indexOf('\n', i); // a line comment (or a C preprocessor line)
      if (eol < 0) break;
      i = eol;
    } else if (kinds.includes(ch)) {
      depth++;
    } else if (CLOSERS.includes(ch) && kinds.includes(OPENERS[CLOSERS.indexOf(ch)])) {
      depth--;
    }
  }
  return quote && quote !== '/*' ? depth + 1 : depth;
}

/**
 * The text around the caret on its line → is that line finished? Its last character is not enough:
 * `print(group_anagrams(["eat", "tea"]` ends in `]` with two calls still open, so the brackets
 * it opens must all be closed too.
 */
export function lineComplete(before: string, after: string): boolean {
  if (after.trim() !== '') return false; // the caret is inside the line (or inside auto-closed brackets)
  const b = before.trimEnd();
  if (b === '') return true; // a fresh line means the one above is done
  return COMPLETE_END.test(b) && openBrackets(b) <= 0;
}

/** The line being edited and the text before and after the caret, from the cursor or from the diff. */
function editedLine(lines: string[], prevLines: string[], cursor: Cursor | null | undefined, sinceLast: DiffStats): { line: number; before: string; after: string } | null {
  if (cursor) {
    const line = Math.min(Math.max(cursor.line, 1), Math.max(lines.length, 1));
    const text = lines[line - 1] ?? '';
    const col = Math.min(cursor.col, text.length);
    return { line, before: text.slice(0, col), after: text.slice(col) };
  }
  if (!sinceLast.changedLines.length) return null;
  // Without a cursor, the last line added is the one being typed, unless whole lines arrived at
  // once (a paste, a snapshot of several lines): those were not typed into, so they are finished.
  const filled = sinceLast.changedLines.filter((l) => (lines[l - 1] ?? '').trim() !== '');
  const line = Math.max(...sinceLast.changedLines);
  if (filled.length >= 2) return { line, before: '', after: '' };
  const text = lines[line - 1] ?? '';
  // A line ending in a word arrived whole (a client sending line by line) unless the previous code
  // held the start of it there: then someone is typing into it, and the word may be half a token.
  const prev = prevLines[line - 1];
  const typedInto = prev !== undefined && text.startsWith(prev);
  return { line, before: /\w$/.test(text.trimEnd()) && !typedInto ? '' : text, after: '' };
}

export interface BoundaryReading {
  /** the code is at a boundary: a complete line, brackets closed, in a function that parses */
  boundary: boolean;
  /** the line being edited (1-based), or null when the update says nothing about it */
  line: number | null;
}

/** `prevCode` is the code of the previous update: without a cursor it tells typing from whole lines. */
export function readBoundary(code: string, cursor: Cursor | null | undefined, analysis: CodeAnalysis | null, sinceLast: DiffStats, prevCode = ''): BoundaryReading {
  const lines = code.split('\n');
  const edited = editedLine(lines, prevCode.split('\n'), cursor, sinceLast);
  const line = edited?.line ?? null;
  if (!analysis || analysis.errorRatio >= 0.5) return { boundary: false, line };
  if (!edited) return { boundary: !analysis.functions.some((f) => f.hasError), line };
  if (!lineComplete(edited.before, edited.after)) return { boundary: false, line };
  // A statement split over lines is finished only when its calls and lists are: on a fresh line
  // after `print(search(` the call is still open. (Braces stay open around any block being written.)
  if (openBrackets([...lines.slice(0, edited.line - 1), edited.before].join('\n'), '([') > 0) return { boundary: false, line };
  const f = functionAt(analysis, [edited.line]);
  return { boundary: !f || !f.hasError, line };
}

export function atBoundary(code: string, cursor: Cursor | null | undefined, analysis: CodeAnalysis | null, sinceLast: DiffStats, prevCode = ''): boolean {
  return readBoundary(code, cursor, analysis, sinceLast, prevCode).boundary;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
/** A line that only closes blocks (`}`, `});`, `end`): not a statement of its own. */
const CLOSING_ONLY = /^[\s})\];]*$|^\s*end\s*$/;

/**
 * Has the candidate finished the function, as far as the text tells? They have moved on (they edit
 * a line before it, a line of code after it, or a fresh line after its closing brace or after a blank
 * line), or its body ends in a `return` at the body's own level. A guard clause (`if not grid: return
 * 0`) returns a value while the rest is still to be written; so does a function whose closing brace
 * the editor inserted; and the line right after a Python function may still belong to it. Without a
 * known edited line, nothing tells, so yes.
 */
export function functionLooksDone(code: string, f: { startLine: number; endLine: number }, editLine: number | null | undefined): boolean {
  if (editLine === null || editLine === undefined || editLine < f.startLine) return true;
  const lines = code.split('\n');
  const body = lines.slice(f.startLine, f.endLine).filter((l) => l.trim() !== '');
  const statements = body.filter((l) => !CLOSING_ONLY.test(l));
  const last = statements[statements.length - 1];
  const endsInReturn = last !== undefined && /^\s*return\b/.test(last) && indentOf(last) <= indentOf(statements[0]);
  if (editLine <= f.endLine || endsInReturn) return endsInReturn;
  const closed = CLOSING_ONLY.test(lines[f.endLine - 1] ?? '');
  return closed || (lines[editLine - 1] ?? '').trim() !== '' || editLine > f.endLine + 1;
}

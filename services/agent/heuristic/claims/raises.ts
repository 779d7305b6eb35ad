// Which statements in a try block can raise the exception its handler catches, by the kind of
// exception: a KeyError comes from a lookup by key, a ValueError or NumberFormatException from a
// parse, an IndexError from an index, a ZeroDivisionError from a division. A line that cannot raise
// that type is not the answer, however risky it looks (int() raises ValueError, not KeyError).
import type { CodeFacts } from './facts.ts';

const SOURCES: [RegExp, RegExp][] = [
  [/^KeyError$/, /\w\s*\[\s*[^\]:]+\]|\.pop\(\s*\w/],
  [/^(ValueError|NumberFormatException|NumberFormatError|invalid_argument|SyntaxError)$/, /\b(int|float|parseInt|parseFloat|Integer\.parseInt|Long\.parseLong|Double\.parseDouble|valueOf|stoi|stol|stod|atoi|strconv\.\w+|JSON\.parse|Number|Decimal)\s*\(|\.index\(/],
  [/^(IndexError|IndexOutOfBoundsException|ArrayIndexOutOfBoundsException|StringIndexOutOfBoundsException|out_of_range)$/, /\w\s*\[\s*[^\]:]+\]|\.get\(\s*\w|\.at\(|\.pop\(/],
  [/^(ZeroDivisionError|ArithmeticException)$/, /[^/*]\/(?![/*])|%/],
  [/^(FileNotFoundError|IOError|OSError|FileNotFoundException|IOException)$/, /\bopen\s*\(|\bFile\w*\(|\bread\w*\(/],
  [/^(NullPointerException|TypeError|AttributeError)$/, /\.\w+/],
  [/^(JSONDecodeError|json\.JSONDecodeError|JSONException)$/, /\bjson\.loads?\(|JSON\.parse\(|\.parse\w*\(/],
];

/** Lines of the try block that can raise `caught`, or null when the type is not one we know. */
export function raisingLines(f: CodeFacts): { lines: number[]; caught: string } | null {
  const tc = f.fn?.hasTryCatch[0];
  const caught = tc?.caught?.split(/[.:]/).pop();
  if (!tc || !caught) return null;
  const source = SOURCES.find(([type]) => type.test(caught))?.[1];
  if (!source) return null;
  const lines: number[] = [];
  for (let l = tc.tryLine + 1; l < tc.catchLine; l++) {
    const code = f.lines.at(l).replace(/#.*$|\/\/.*$/, '');
    if (source.test(code)) lines.push(l);
  }
  return lines.length ? { lines, caught } : null;
}

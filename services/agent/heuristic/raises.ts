// Which statements in a try block can raise the caught type: a KeyError comes from a dict lookup, a
// ValueError from parsing, an IndexError from a subscript, a ZeroDivisionError from a division, a
// NullPointerException from a dereference. A key that blamed `int()` for a KeyError was wrong.
interface Family {
  types: RegExp;
  /** a line that can raise this family */
  raises: RegExp;
  /** inputs that make it raise */
  inputs: string[];
}

const PARSE = /\b(?:int|float|Decimal|parseInt|parseFloat|Number|parseLong|parseDouble|valueOf|stoi|stol|stoll|stod|stof|atoi|Atoi|ParseInt|ParseFloat|loads|load|JSON\.parse|Unmarshal)\s*\(/;

const FAMILIES: Family[] = [
  { types: /^(KeyError|NoSuchElementException)$/, raises: /\w\s*\[[^\]]+\]|\.pop\s*\(|\.(?:remove|getOrThrow|orElseThrow)\s*\(/,
    inputs: ['missing key', 'key is missing', 'no key', 'not present', 'absent', 'does not have', "doesn't have", 'without', 'not in', 'missing'] },
  { types: /^(ValueError|NumberFormatException|invalid_argument|SyntaxError|JSONDecodeError|json\.JSONDecodeError|InputMismatchException|ParseException|DateTimeParseException)$/, raises: PARSE,
    inputs: ['abc', 'letters', 'non-numeric', 'not a number', 'not numeric', 'empty string', '""', 'whitespace', 'decimal', '1.5', '12a', 'overflow', 'too large', 'null', 'none', 'malformed', 'invalid', 'hello'] },
  { types: /^(IndexError|IndexOutOfBoundsException|ArrayIndexOutOfBoundsException|StringIndexOutOfBoundsException|out_of_range|RangeError)$/, raises: /\w\s*\[[^\]]+\]|\.(?:get|at|charAt|substring|pop)\s*\(/,
    inputs: ['empty', 'out of range', 'out of bounds', 'too short', 'past the end', 'negative index'] },
  { types: /^(ZeroDivisionError|ArithmeticException|DivideByZeroException|FloatingPointError)$/, raises: /[^/]\/[^/=]|%|\bdivmod\(|\.divide\(/,
    inputs: ['zero', '0', 'divide by zero', 'division by zero', 'empty'] },
  { types: /^(NullPointerException|TypeError|AttributeError)$/, raises: /\w\s*(?:\.|\?\.|->)\s*\w/,
    inputs: ['null', 'none', 'nil', 'undefined', 'missing', 'no value'] },
  { types: /^(FileNotFoundError|IOException|OSError|IOError|FileNotFoundException|UncheckedIOException|PermissionError)$/, raises: /\b(?:open|read\w*|write\w*|fopen|ifstream|Files\.\w+|FileReader|Scanner)\s*\(/,
    inputs: ['missing file', 'does not exist', "doesn't exist", 'not found', 'permission', 'wrong path', 'directory'] },
];

/** The family of a caught type (the last name of a qualified one); none for a catch-all. */
function familyOf(caught: string | undefined): Family | undefined {
  if (!caught) return undefined;
  const names = caught.split(/[|,()\s]+/).map((n) => n.split(/\.|::/).pop() ?? n).filter(Boolean);
  return FAMILIES.find((f) => names.some((n) => f.types.test(n)));
}

/** The lines among `risky` that can raise `caught`; all of them when the type says nothing (or none match). */
export function linesRaising(caught: string | undefined, risky: number[], at: (line: number) => string): { lines: number[]; inputs?: string[] } {
  const fam = familyOf(caught);
  if (!fam) return { lines: risky };
  const hit = risky.filter((l) => fam.raises.test(at(l)));
  return hit.length ? { lines: hit, inputs: fam.inputs } : { lines: risky };
}

/** The subscripts on a line (`config["timeout"]`) and their keys, as a candidate may name them. */
export function subscriptTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/([A-Za-z_]\w*)\s*\[\s*([^\]]+?)\s*\]/g)) out.push(`${m[1]}[${m[2]}]`, m[2].replace(/^["']|["']$/g, ''));
  return out;
}

// Library calls and slices that read or copy a whole string or collection (split, join,
// `s[::-1]`, `toCharArray`), sorted by what they cost: O(n) once outside loops; O(n) on every pass
// when inside a loop they act on an untouched parameter, on each string of a list typed as such,
// or copy each row of a parameter; O(log n) when what they read is the text of a number.
import type { Node } from 'web-tree-sitter';
import type { CallEv, Collected, Scope } from './collect.ts';
import type { SelfInfo } from './calls.ts';
import { digitTexts, isNumberText } from './digits.ts';
import type { SyntaxSpec } from './languages.ts';
import type { KindOf } from './structures.ts';
import type { Vocab } from './vocab.ts';
import { argsOf, baseOf, namedKids, receiverOf } from './tree.ts';

export interface WholeEv { node: Node; line: number; scope: Scope }

/** Library namespaces: `strings.Count(w, "a")` acts on its first argument, not on `strings`. */
const LIBRARIES = /^(strings|bytes|slices|sort|strconv|unicode|utf8|math|std|Arrays|Collections|Math|Object|Array|String|Integer|Character|heapq|bisect|itertools|collections)$/;

/** Declared types of a list of strings or of rows: `[]string`, `String[]`, `List<String>`, `vector<vector<int>>`, `string[]`. */
const ROWS_TYPE = /^(\[\]string|\[\]\[\]\w+|String\[\]|\w+\[\]\[\]|(List|ArrayList|Collection)<(String|List<\w+>|\w+\[\])>|(const)?(std::)?vector<(std::)?(string|vector<\w+>)>&?|string\[\]|\w+\[\]\[\]|Array<string>)$/;

export function classifyWholeInput(c: Collected, spec: SyntaxSpec, vocab: Vocab, self: SelfInfo, kindOf: KindOf,
  userFns: Set<string>, sorts: CallEv[]): { wholeInput: WholeEv[]; digitInput: WholeEv[]; wholeInLoops: CallEv[] } {
  const hashed = (e: CallEv): boolean => e.receiver !== null && /^(map|set)$/.test(kindOf(baseOf(e.receiver, spec) ?? '') ?? '');
  const wholeInput: WholeEv[] = c.calls.filter((e) => vocab.wholeInput.test(e.last) && !userFns.has(e.last) && !sorts.includes(e) && !hashed(e));
  wholeInput.push(...c.subscripts.filter((x) => x.index?.type === 'slice'));
  // `reverse(s)` where `s = to_string(x)`: the text of a number is log n long.
  const numeric = self.numeric ?? new Set<string>();
  const texts = digitTexts(c, numeric);
  const ofDigits = (w: { node: Node }): boolean => {
    const recv = spec.calls.includes(w.node.type) ? receiverOf(w.node) ?? argsOf(w.node)[0] ?? null : namedKids(w.node)[0] ?? null;
    return isNumberText(w.node.text, numeric) || isNumberText(recv?.text, numeric) || texts.has(baseOf(recv, spec) ?? '');
  };
  const digitInput = wholeInput.filter(ofDigits);
  // `for i ...: cs = s.toCharArray()` with s the parameter itself: the whole input, on every pass.
  // (A loop's element, `w.lower()` for w in words, is a part the loop already pays for.)
  // The receiver or first argument is the parameter itself (`s`, `v.begin()`), not an element (`s[i]`).
  const onWhat = (e: CallEv): Node | null => (e.receiver && !LIBRARIES.test(e.receiver.text) ? e.receiver : e.args[0] ?? null);
  const wholeName = (e: CallEv): string => /^(\w+)(\.c?(begin|end)\(\))?$/.exec(onWhat(e)?.text ?? '')?.[1] ?? '';
  const untouched = (name: string): boolean => self.params.includes(name) && !c.assigns.some((a) => a.name === name && !a.viaIndex);
  // Or an element of a parameter declared as a list of strings or rows (`for _, w := range words`):
  // n items of length m, n·m in all (the corpus convention), unlike the words of one split string.
  const itemOfRows = (e: CallEv): boolean => {
    const name = wholeName(e);
    const loop = e.scope.loops.find((l) => l.kind === 'foreach' && l.vars.includes(name));
    const over = loop?.iter?.text ?? '';
    return !!name && untouched(over) && ROWS_TYPE.test((self.paramTypes?.get(over) ?? '').replace(/^:\s*/, '').replace(/\s+/g, ''));
  };
  // `for row in matrix: out.extend(row)`: the row is copied; over the rows that is every cell.
  const copiesItem = (e: CallEv): boolean => /^(extend|addAll|push|push_back|append|insert)$/.test(e.last) && e.args.some((a) => {
    const name = /^(?:\.\.\.|\*)?(\w+)(?:\.\.\.|\.c?begin\(\))?$/.exec(a.text)?.[1] ?? '';
    // C++ `out.insert(out.end(), row.begin(), row.end())` copies the range.
    const spreadish = e.last === 'extend' || e.last === 'addAll' || /^(\.\.\.|\*)|\.\.\.$|\.c?begin\(\)$/.test(a.text);
    const loop = e.scope.loops.find((l) => l.kind === 'foreach' && l.vars.includes(name));
    return spreadish && !!loop?.iter && untouched(loop.iter.text);
  });
  wholeInput.push(...c.calls.filter((e) => e.scope.loops.length > 0 && copiesItem(e) && !wholeInput.includes(e)));
  const wholeInLoops = wholeInput.filter((w): w is CallEv => 'callee' in w && w.scope.loops.length > 0 && !ofDigits(w) &&
    !/^(substring|substr|slice|Slice|copy)$/.test((w as CallEv).last) && (untouched(wholeName(w as CallEv)) || itemOfRows(w as CallEv) || copiesItem(w as CallEv)));
  return { wholeInput: wholeInput.filter((w) => !digitInput.includes(w)), digitInput, wholeInLoops };
}

// Claims in an answer about tests: concrete inputs with the results they should give, checked against
// what the code can do (nothing raises in a function with no raise, index, division or parse; a
// function that lower-cases never returns capitals; letter case does not matter after lower-casing).
import { norm } from '../text.ts';
import { says, type ClaimInput, type ClaimResult } from './said.ts';

/** Concrete tests: an input written out with the result it should give ("\"\" -> True", "[] should return 0"). */
export function testingClaims(i: ClaimInput): ClaimResult {
  const text = norm(i.raw);
  // A number followed by ") word" is a list label ("2) is_palindrome(…)"), not an input, unless it is a call's last argument ("sign(-5) returns").
  const input = String.raw`("[^"\n]{0,60}"|'[^'\n]{0,60}'|\[[^\]\n]{0,40}\]|(?<![\w.])-?\d+(?:\.\d+)?(?!\)\s+[a-z])|(?<=[(,]\s*)-?\d+(?:\.\d+)?(?=\)\s+[a-z])|\b(?:an? )?(?:empty|single[- ]element|one[- ]element) (?:array|list|string|input|vector|slice|map))`;
  const outcome = String.raw`(?:\)|,)?\s*(?:->|=>|==|:|should (?:return|be|give|raise|throw)|returns?|gives?|is|expect(?:ed|s)?)\s*(?:an? )?(true|false|none|null|nil|-?\d+(?:\.\d+)?|"[^"]*"|'[^']*'|\[[^\]]*\]|\w*error|\w*exception|raises?|throws?|empty)`;
  const f = i.facts;
  // Statements that can fail at all: raise/throw/panic, an index read (not a slice), a division, a parse, a pop.
  const canFail = /\b(raise|throw|panic|assert)\b|\w\[[^\]:]+\]|[\w)\]]\s*\/(?![/*])|%|\b(int|float|parseInt|parseFloat|Number|atoi|stoi)\s*\(|\.parse\w*\(|\.(pop|remove|index|get)\s*\(|\bnext\s*\(/.test(f.body.split('\n').slice(1).join('\n'));
  // A sentence about changing the code ("which means adding a guard") is not an expected result of the code as it is.
  const aboutCode = i.t.split(/(?<=[.!?;])\s+/).filter((x) => !/\b(add(?:ing)?|guard|validat\w*|fix\w*|once (?:we|i)|would need|needs? a check|probably|i'd|would|could|ought|instead|rather|arguably)\b/.test(x)).join(' ');
  if (!canFail && says(aboutCode, ['raise', 'raises', 'throw', 'throws', 'an error', 'exception', 'crash', 'panic'], [], true)) {
    return { contradiction: `Nothing in ${f.fn?.name ?? 'the function'} can raise for that input: it has no raise, index read, division or parse.` };
  }
  if (/\.(lower|casefold|tolowercase|touppercase|upper)\s*\(|equalsignorecase|tolower\(|toupper\(/i.test(f.body)
    && /\b(capital|upper-?case|case[- ]sensitive|lower-?case)\b[^.]{0,60}\b(false|fails?|matters|breaks|different)\b|\bbecause of the capital\b/.test(i.t)) {
    return { contradiction: 'The code lower-cases the input first, so letter case does not change the result.' };
  }
  // A function whose result is lower-cased (and never upper-cased) cannot return capitals.
  const lowers = /\.(?:toLowerCase|lower|casefold)\s*\(|\btolower\s*\(|strings\.ToLower\s*\(/.test(f.body) && !/\.(?:toUpperCase|upper|capitalize|title)\s*\(|\btoupper\s*\(|strings\.(?:ToUpper|Title)\s*\(/.test(f.body);
  const capital = [...i.raw.matchAll(/(?:->|=>|==|should (?:return|be|give)|returns?|gives?)\s*["'`]([^"'`]*[A-Z][^"'`]*)["'`]/g)].map((m) => m[1]);
  if (lowers && capital.length) return { contradiction: `${f.fn?.name ?? 'The function'} lower-cases its text, so it cannot return "${capital[0]}".` };
  const cases = new Set<string>();
  for (const m of text.matchAll(new RegExp(`${input}[^.;\n]{0,25}?${outcome}`, 'g'))) cases.add(m[1]);
  if (cases.size < 2) return {};
  const boundary = [...cases].some((c) => /^(""|''|\[\s*\]|"."|'.'|\[\s*-?\d+\s*\]|0)$|empty|single|one[- ]element/.test(c)) || says(i.t, ['empty', 'single', 'one element', 'one character']);
  return { right: `gives ${cases.size} concrete tests with expected results`, complete: cases.size >= 3 && boundary };
}

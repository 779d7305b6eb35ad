// The text of a number: `str(i)`, `n.toString(2)`, `strconv.Itoa(i)`, `to_string(x)`. A number up
// to n has log n digits, so walking or copying its text costs log n, not n. Only values known to
// be numbers count: counters of counting loops and parameters declared with a numeric type.
import type { Collected } from './collect.ts';

const NUMBER_TEXT = /^(?:(?:Integer|Long)\.(?:toBinaryString|toString|toHexString|toOctalString)|String\.valueOf|strconv\.(?:Itoa|FormatInt)|str|bin|hex|oct|(?:std::)?to_string|String)\(\s*(\w+)\s*(?:,[^)]*)?\)|^(\w+)\.toString\(\s*\d*\s*\)/;
const NUMERIC_TYPE = /^(int|long|short|byte|number|float|double|bigint|Integer|Long|int8|int16|int32|int64|uint|uint8|uint16|uint32|uint64|size_t|unsigned|unsigned int|unsigned long|long long|unsigned long long|i32|i64|u32|u64|usize)$/;

/** Parameters declared numeric, plus the counters of counting loops (`for i in range(n)`, `for (i = 0; ...)`). */
export function numericNames(c: Collected, paramTypes: ReadonlyMap<string, string> | undefined): Set<string> {
  const out = new Set<string>();
  for (const [name, type] of paramTypes ?? []) if (NUMERIC_TYPE.test(type.replace(/^:\s*/, '').replace(/^const\s+/, '').trim())) out.add(name);
  for (const l of c.loops) if (l.kind !== 'foreach' || /^range\(/.test(l.iter?.text ?? '')) for (const v of l.vars) out.add(v);
  return out;
}

/** The expression starts with the text of a known number: `n.toString(2).split('')`, `str(i)`. */
export function isNumberText(text: string | undefined, numeric: ReadonlySet<string>): boolean {
  const m = text ? NUMBER_TEXT.exec(text.trim()) : null;
  return !!m && numeric.has(m[1] ?? m[2] ?? '');
}

/** Names that hold the text of a number, through plain copies (`s = to_string(x); r = s`). */
export function digitTexts(c: Collected, numeric: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const writes = new Map<string, number>();
  for (const a of c.assigns) if (!a.viaIndex) writes.set(a.name, (writes.get(a.name) ?? 0) + 1);
  for (const a of [...c.assigns].sort((x, y) => x.line - y.line)) {
    if (a.viaIndex || writes.get(a.name) !== 1 || !a.value) continue;
    if (isNumberText(a.value.text, numeric) || (a.value.type === 'identifier' && out.has(a.value.text))) out.add(a.name);
  }
  return out;
}

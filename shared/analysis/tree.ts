// Grammar-neutral helpers over tree-sitter nodes. They lean on field names shared by most grammars
// (object/argument/operand, left/right, name/declarator) so callers need no per-language branches.
import type { Node } from 'web-tree-sitter';
import type { SyntaxSpec } from './languages.ts';

export const lineOf = (n: Node): number => n.startPosition.row + 1;
export const endLineOf = (n: Node): number => n.endPosition.row + 1;

const IDENT = new Set(['identifier', 'field_identifier', 'property_identifier', 'shorthand_property_identifier',
  'shorthand_property_identifier_pattern', 'type_identifier', 'package_identifier', 'this', 'self']);
const MEMBER = new Set(['attribute', 'member_expression', 'field_access', 'field_expression', 'selector_expression',
  'qualified_identifier', 'scoped_identifier']);
const LISTISH = new Set(['expression_list', 'pattern_list', 'tuple_pattern', 'tuple', 'array_pattern', 'list_pattern']);
const LITERAL = /^(list|tuple|set|array|string|true|false|none|null|nil|number|integer|float|char_literal|.*_literal|initializer_list|composite_literal|dictionary|object)$/;

export const isIdent = (n: Node): boolean => IDENT.has(n.type);
export const isMember = (n: Node): boolean => MEMBER.has(n.type);
export const isListish = (n: Node): boolean => LISTISH.has(n.type);

/** First *named* child in a field: JS puts the `;` token in for_statement's `condition` field. */
export function field(n: Node | null, name: string): Node | null {
  if (!n) return null;
  for (const c of n.childrenForFieldName(name)) if (c && c.isNamed) return c;
  return null;
}

/** Operator tokens are anonymous children, so they need the raw field lookup. */
export function opOf(n: Node): string {
  return (n.childForFieldName('operator') ?? n.childForFieldName('operators'))?.text ?? '';
}

export function namedKids(n: Node | null): Node[] {
  if (!n) return [];
  return n.namedChildren.filter((c): c is Node => c !== null);
}

export function isNumber(n: Node | null, spec: SyntaxSpec): boolean {
  if (!n) return false;
  if (spec.numbers.includes(n.type)) return true;
  return (n.type === 'unary_operator' || n.type === 'unary_expression') && isNumber(namedKids(n)[0] ?? null, spec);
}

export function numberValue(n: Node | null, spec: SyntaxSpec): number | null {
  if (!n || !isNumber(n, spec)) return null;
  const v = Number(n.text.replace(/[_lLuUfF]+$/, '').replace(/_/g, ''));
  return Number.isFinite(v) ? v : null;
}

export function isLiteral(n: Node | null, spec: SyntaxSpec): boolean {
  if (!n) return false;
  return isNumber(n, spec) || spec.strings.includes(n.type) || LITERAL.test(n.type);
}

export function stripParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  return t;
}

/** Names go into regexes; JS allows `$` in identifiers and recovered trees can hold odd text. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function clip(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Object side of a member access: `nums` in `nums.length`, `v` in `v.size()`. */
export function memberObject(n: Node): Node | null {
  return field(n, 'object') ?? field(n, 'argument') ?? field(n, 'operand') ?? field(n, 'scope');
}

function memberProperty(n: Node): string {
  return (field(n, 'attribute') ?? field(n, 'property') ?? field(n, 'field') ?? field(n, 'name'))?.text ?? '';
}

/** Callee as written: `nums.sort`, `heapq.heappush`, `std::sort`. Java keeps object and name apart. */
export function calleeText(call: Node): string {
  const fn = field(call, 'function');
  if (fn) return fn.text;
  const name = field(call, 'name');
  const obj = field(call, 'object');
  return obj && name ? `${obj.text}.${name.text}` : name?.text ?? '';
}

export function lastSegment(callee: string): string {
  const parts = callee.split(/\.|::|->/);
  return parts[parts.length - 1] ?? callee;
}

export function receiverOf(call: Node): Node | null {
  const fn = field(call, 'function');
  if (fn) return isMember(fn) && fn.type !== 'qualified_identifier' ? memberObject(fn) : null;
  return field(call, 'object');
}

export function argsOf(call: Node): Node[] {
  return namedKids(field(call, 'arguments')).filter((a) => !a.type.includes('comment'));
}

export function identifiersIn(n: Node | null, out: Set<string> = new Set()): Set<string> {
  if (!n) return out;
  if (n.type === 'identifier') out.add(n.text);
  for (const c of namedKids(n)) identifiersIn(c, out);
  return out;
}

/** Name a declarator or assignment target binds: through `*p`, `&v`, `arr[10]`, `x: int`. */
export function boundName(n: Node | null): string | null {
  if (!n) return null;
  if (isIdent(n)) return n.text;
  const inner = field(n, 'declarator') ?? field(n, 'pattern') ?? field(n, 'name') ?? field(n, 'left');
  if (inner) return boundName(inner);
  if (n.type.endsWith('declarator') || n.type.endsWith('parameter') || n.type.endsWith('pattern')) {
    const id = namedKids(n).find(isIdent);
    return id ? id.text : null;
  }
  return null;
}

export function subscriptParts(n: Node, spec: SyntaxSpec): { object: Node | null; index: Node | null } | null {
  const fields = spec.subscripts[n.type];
  if (!fields) return null;
  const index = field(n, fields[1]);
  // C++ wraps indices in subscript_argument_list.
  return { object: field(n, fields[0]), index: index && index.type.endsWith('argument_list') ? namedKids(index)[0] ?? null : index };
}

const LEN_NAMES = new Set(['len', 'size', 'length', 'count', 'cap']);
const PASS_THROUGH = new Set(['items', 'keys', 'values', 'entrySet', 'keySet', 'toCharArray', 'chars', 'begin', 'end',
  'stream', 'split', 'iter', 'enumerate', 'sorted', 'reversed', 'list', 'zip', 'set', 'tuple', 'entries', 'from',
  'asList', 'of', 'copy', 'slice', 'toList', 'Slice', 'cbegin', 'rbegin']);

/**
 * Base identifier an expression walks or is bounded by, so `range(len(nums))`, `nums[1:]`,
 * `nums.length - 1` and `enumerate(nums)` all read as `nums`. Loop variables are skipped so that
 * `range(i + 1, n)` yields the bound `n`, not the outer index.
 */
export function baseOf(n: Node | null, spec: SyntaxSpec, skip: Set<string> = new Set()): string | undefined {
  if (!n) return undefined;
  if (n.type === 'parenthesized_expression' || n.type === 'expression_list' || n.type === 'condition_clause') {
    return baseOf(namedKids(n)[0] ?? null, spec, skip);
  }
  if (isIdent(n)) return skip.has(n.text) || spec.selfNames.includes(n.text) ? undefined : n.text;
  if (spec.calls.includes(n.type)) {
    const last = lastSegment(calleeText(n));
    const args = argsOf(n);
    const recv = receiverOf(n);
    if (last === 'range') {
      const bound = args.length >= 2 ? baseOf(args[1] ?? null, spec, skip) : undefined;
      return bound ?? baseOf(args[0] ?? null, spec, skip);
    }
    if (LEN_NAMES.has(last) || PASS_THROUGH.has(last)) {
      // `Object.keys(o)`, `Arrays.asList(a)`, `len(x)`: the argument is the collection; `s.split(',')`: the receiver is.
      const namespace = !recv || /^[A-Z]|^(std|math|strings|slices|sort)$/.test(recv.text);
      return args.length && namespace ? baseOf(args[0] ?? null, spec, skip) : baseOf(recv ?? args[0] ?? null, spec, skip);
    }
    return undefined;
  }
  if (isMember(n)) {
    const obj = memberObject(n);
    const prop = memberProperty(n);
    if (!obj) return undefined;
    if (LEN_NAMES.has(prop)) return baseOf(obj, spec, skip);
    if (spec.selfNames.includes(obj.text)) return prop;
    return n.text.length <= 40 ? n.text : baseOf(obj, spec, skip);
  }
  const sub = subscriptParts(n, spec);
  if (sub) return baseOf(sub.object, spec, skip);
  if (n.type === 'slice_expression' || n.type === 'spread_element' || n.type === 'list_splat') {
    return baseOf(namedKids(n)[0] ?? null, spec, skip);
  }
  if (spec.binaries.includes(n.type) || n.type === 'unary_operator' || n.type === 'unary_expression') {
    const sides = [field(n, 'left'), field(n, 'right'), field(n, 'argument'), ...namedKids(n)];
    for (const side of sides) {
      if (!side || isLiteral(side, spec)) continue;
      const b = baseOf(side, spec, skip);
      if (b) return b;
    }
  }
  return undefined;
}

/** `len(x)`, `x.length`, `x.size()` anywhere inside: the strongest hint of what a loop is bounded by. */
export function lengthBase(n: Node | null, spec: SyntaxSpec): string | undefined {
  if (!n) return undefined;
  if (spec.calls.includes(n.type)) {
    const last = lastSegment(calleeText(n));
    if (last === 'len' || last === 'size' || last === 'length') return baseOf(n, spec);
  } else if (isMember(n) && (memberProperty(n) === 'length' || memberProperty(n) === 'size')) {
    return baseOf(n, spec);
  }
  for (const c of namedKids(n)) {
    const b = lengthBase(c, spec);
    if (b) return b;
  }
  return undefined;
}

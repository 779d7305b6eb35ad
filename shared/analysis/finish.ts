// Whether a function's main path is written to the end: its last statement returns a value (or
// raises), or is an if/else whose every branch does. A guard clause's early return (`if not nums:
// return 0`) with nothing after it is a start, not a finished function.
import type { Node } from 'web-tree-sitter';
import type { SyntaxSpec } from './languages.ts';
import { field, namedKids } from './tree.ts';

const MAX_DEPTH = 24;

function lastStatement(n: Node, spec: SyntaxSpec): Node | null {
  const kids = namedKids(n).filter((k) => !spec.comments.includes(k.type) && !/^finally/.test(k.type));
  return kids[kids.length - 1] ?? null;
}

function ifEnds(n: Node, spec: SyntaxSpec, depth: number): boolean {
  const alternatives = n.childrenForFieldName('alternative').filter((x): x is Node => x !== null);
  const last = alternatives[alternatives.length - 1];
  // Without a final else some input falls through past the if.
  if (!last || last.type === 'elif_clause') return false;
  return ends(field(n, 'consequence'), spec, depth + 1) && alternatives.every((a) => ends(a, spec, depth + 1));
}

function ends(n: Node | null, spec: SyntaxSpec, depth: number): boolean {
  if (!n || depth > MAX_DEPTH) return false;
  const type = n.type;
  if (spec.returns.includes(type)) return namedKids(n).some((k) => !spec.comments.includes(k.type));
  if (spec.throws.includes(type)) return true;
  // Go has no throw statement: a final panic ends the path the same way.
  if (type === 'expression_statement' && /^panic\s*\(/.test(n.text)) return true;
  if (type === 'elif_clause') return ends(field(n, 'consequence'), spec, depth + 1);
  if (spec.ifs.includes(type)) return ifEnds(n, spec, depth);
  if (spec.tries.includes(type)) {
    const handlers = namedKids(n).filter((k) => spec.handlers.includes(k.type));
    return ends(field(n, 'body'), spec, depth + 1) && handlers.every((h) => ends(h, spec, depth + 1));
  }
  if (/block|clause|body|compound_statement|statement_list/.test(type)) return ends(lastStatement(n, spec), spec, depth + 1);
  return false;
}

const PLACEHOLDER = /^(pass_statement|empty_statement)$/;

/** A loop or branch with nothing in it yet (`for (...) {}`, `if x: pass`): a skeleton still to be filled. */
function hasEmptyBody(fn: Node, spec: SyntaxSpec): boolean {
  const owners = new Set([...Object.keys(spec.loops), ...spec.ifs, 'else_clause']);
  for (const b of fn.descendantsOfType(['block', 'statement_block', 'compound_statement'])) {
    if (!b || !b.parent || !owners.has(b.parent.type)) continue;
    const kids = namedKids(b).filter((k) => !spec.comments.includes(k.type));
    // Go wraps statements in a statement_list.
    const stmts = kids.length === 1 && kids[0]?.type === 'statement_list' ? namedKids(kids[0]) : kids;
    if (stmts.every((k) => PLACEHOLDER.test(k.type))) return true;
  }
  return false;
}

/** `if (...) return;` or a bare return: a guard clause, the start of a function rather than its work. */
function isGuard(n: Node, spec: SyntaxSpec): boolean {
  if (spec.returns.includes(n.type) || spec.throws.includes(n.type)) return true;
  if (!spec.ifs.includes(n.type)) return false;
  return !n.childrenForFieldName('alternative').some((x) => x !== null) && exits(field(n, 'consequence'), spec);
}

/** A branch that leaves the function, with or without a value (`return;` in a void function). */
function exits(n: Node | null, spec: SyntaxSpec): boolean {
  if (!n) return false;
  if (spec.returns.includes(n.type) || spec.throws.includes(n.type)) return true;
  if (/block|clause|body|compound_statement|statement_list/.test(n.type)) return exits(lastStatement(n, spec), spec);
  return ends(n, spec, 1);
}

function statementsOf(body: Node, spec: SyntaxSpec): Node[] {
  const kids = namedKids(body).filter((k) => !spec.comments.includes(k.type));
  return kids.length === 1 && kids[0]?.type === 'statement_list' ? namedKids(kids[0]) : kids;
}

// Return types that say "no value": `void` (Java, C++, TypeScript), `-> None` (Python).
const VOID_TYPE = /^(void|None|Unit)$/;

/**
 * The function hands nothing back: its declared type says so (`void`, Go with no result, `-> None`),
 * or, untyped, no return in it carries a value. A declared non-void type is never void, however
 * unfinished the body.
 */
function returnsNothing(fn: Node, spec: SyntaxSpec): boolean {
  const declared = field(fn, 'type') ?? field(fn, 'return_type') ?? field(fn, 'result');
  if (declared) return VOID_TYPE.test(declared.text.replace(/^:\s*/, '').trim());
  if (fn.type === 'function_definition' && /^\s*(?:int|long|double|float|bool|char|auto|std::|vector|string|size_t|unsigned)/.test(fn.text)) return false;
  const returns = fn.descendantsOfType(spec.returns).filter((r): r is Node => r !== null);
  const valued = (r: Node) => namedKids(r).some((k) => !spec.comments.includes(k.type));
  if (returns.some(valued)) return false;
  // Untyped, a function without a return yet may be one still being written: it counts as void only
  // when it says so, by a bare `return` (a DFS's guard) or by changing an argument in place (a sort).
  return returns.length > 0 || mutatesParam(fn);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function mutatesParam(fn: Node): boolean {
  const params = field(fn, 'parameters');
  const body = field(fn, 'body');
  if (!params || !body) return false;
  const names = [...new Set(params.text.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((n) => n !== 'self' && n !== 'this');
  return names.some((p) => new RegExp(`\\b${esc(p)}\\s*\\[[^\\]\\n]*\\]\\s*(?:\\[[^\\]\\n]*\\]\\s*)?(?:=(?!=)|[-+*/]=)|\\b${esc(p)}\\s*\\.\\s*(?:sort|reverse|append|push|add|pop|insert|remove|fill|set|put|extend|clear|splice)\\s*\\(`).test(body.text));
}

/**
 * The main path of `fn` ends by returning a value (expression-bodied lambdas always do), and no loop
 * or branch in it is still an empty skeleton. A function that returns nothing (a DFS that marks
 * cells, an in-place sort) is finished when its body does some work past its guard clauses and no
 * block in it is empty; the trigger still waits for the candidate to move on or pause.
 */
export function endsWithValue(fn: Node, spec: SyntaxSpec): boolean {
  const body = field(fn, 'body');
  if (!body) return false;
  if (spec.lambdas.includes(fn.type) && !/block|statement/.test(body.type)) return true;
  if (hasEmptyBody(body, spec)) return false;
  if (ends(body, spec, 0)) return true;
  return returnsNothing(fn, spec) && statementsOf(body, spec).some((s) => !isGuard(s, spec));
}

// One walk over a function body that turns grammar-specific nodes into flat, language-neutral
// events (loops, calls, assignments, ifs, subscripts...). Every event remembers the loops, if
// conditions and try blocks around it, which is what the analyzers need to decide "inside a loop",
// "guarded" or "could throw". Nested named functions are skipped: they get their own walk.
import type { Node } from 'web-tree-sitter';
import type { LoopRule, SyntaxSpec } from './languages.ts';
import type { LoopKind } from './types.ts';
import {
  argsOf, baseOf, boundName, calleeText, endLineOf, field, identifiersIn, isListish, isMember, lastSegment,
  lineOf, memberObject, namedKids, opOf, receiverOf, subscriptParts,
} from './tree.ts';

export interface LoopCtx {
  node: Node;
  kind: LoopKind;
  line: number;
  endLine: number;
  depth: number;
  vars: string[];
  iter: Node | null;
  cond: Node | null;
  init: Node | null;
  parent: LoopCtx | null;
  /** Synthesised from a half-typed header line; `guess` is what the text suggests it iterates. */
  partial?: boolean;
  guess?: string;
}

export interface TryCtx {
  line: number;
  catches: { line: number; caught?: string }[];
  riskyLines: Set<number>;
}

export interface Scope {
  loops: LoopCtx[];
  conds: Node[];
  tries: TryCtx[];
}

interface Ev { node: Node; line: number; scope: Scope }
export interface CallEv extends Ev { callee: string; last: string; receiver: Node | null; args: Node[] }
export interface AssignEv extends Ev {
  /** Variable written; for `seen[x] = i` or `self.a = b` the base (`seen`) with `viaIndex`. */
  name: string;
  viaIndex: boolean;
  op: string;
  value: Node | null;
  typeText?: string;
  declared: boolean;
}
export interface IfEv extends Ev { cond: Node; consequence: Node | null }
export interface BinaryEv extends Ev { op: string; left: Node | null; right: Node | null }
export interface SubscriptEv extends Ev { object: Node | null; index: Node | null }

export interface Collected {
  loops: LoopCtx[];
  calls: CallEv[];
  assigns: AssignEv[];
  ifs: IfEv[];
  ternaries: IfEv[];
  binaries: BinaryEv[];
  subscripts: SubscriptEv[];
  returns: (Ev & { hasValue: boolean })[];
  tries: TryCtx[];
  /** Node types in visit order (capped): the raw material of the rename fingerprint. */
  types: string[];
  /** Constructor expressions (`new Set(nums)`, `new HashSet<>(list)`): they may copy a whole collection. */
  news: Ev[];
}

const NEWS = new Set(['new_expression', 'object_creation_expression', 'array_creation_expression']);
const DECLARING = new Set(['variable_declarator', 'init_declarator', 'short_var_declaration', 'var_spec']);

export function collect(start: Node, spec: SyntaxSpec, isBoundary: (n: Node) => boolean): Collected {
  const out: Collected = { loops: [], calls: [], assigns: [], ifs: [], ternaries: [], binaries: [], subscripts: [], returns: [], tries: [], types: [], news: [] };

  const risky = (scope: Scope, line: number): void => {
    scope.tries[scope.tries.length - 1]?.riskyLines.add(line);
  };

  const pushLoop = (node: Node, kind: LoopKind, scope: Scope, parts: Partial<LoopCtx>): Scope => {
    const parent = scope.loops[scope.loops.length - 1] ?? null;
    const loop: LoopCtx = {
      node, kind, line: lineOf(node), endLine: endLineOf(node), depth: scope.loops.length + 1,
      vars: parts.vars ?? [], iter: parts.iter ?? null, cond: parts.cond ?? null, init: parts.init ?? null, parent,
    };
    out.loops.push(loop);
    const inner = { ...scope, loops: [...scope.loops, loop] };
    // A for-each variable is written once per pass from the collection (C-style indices are ordinary assignments).
    for (const v of kind === 'foreach' ? loop.vars : []) {
      out.assigns.push({ node, line: loop.line, scope: inner, name: v, viaIndex: false, op: 'foreach', value: loop.iter, declared: true });
    }
    return inner;
  };

  const varsOf = (n: Node | null): string[] => {
    if (!n) return [];
    const name = boundName(n);
    return name ? [name] : [...identifiersIn(n)].filter((v) => v !== '_');
  };

  const visitKids = (n: Node, scope: Scope, skip: (Node | null)[] = []): void => {
    for (const c of namedKids(n)) if (!skip.some((s) => s !== null && s.id === c.id)) visit(c, scope);
  };

  const visitLoop = (node: Node, rule: LoopRule, scope: Scope): void => {
    let header = node;
    let r = rule;
    if (rule.clauses) {
      const clause = namedKids(node).find((c) => rule.clauses?.[c.type]);
      if (clause) { header = clause; r = rule.clauses[clause.type] ?? rule; }
    }
    const iter = r.iter ? field(header, r.iter) : null;
    const init = r.init ? field(header, r.init) : null;
    const varsNode = r.vars ? field(header, r.vars) : null;
    let cond = r.cond ? field(header, r.cond) : null;
    if (!cond && header === node && rule.condFirstChild) {
      cond = namedKids(node).find((c) => c.type !== 'block' && !spec.comments.includes(c.type)) ?? null;
    }
    visit(iter, scope);
    visit(init, scope);
    const initVars = init ? [...identifiersIn(field(init, 'left') ?? init)].slice(0, 1) : [];
    const vars = r.kind === 'foreach' ? varsOf(varsNode) : initVars;
    const inner = pushLoop(node, r.kind, scope, { vars, iter, cond, init });
    const skip = [iter, init, varsNode, field(header, 'type')];
    if (header !== node) { visitKids(header, inner, skip); visitKids(node, inner, [header]); } else visitKids(node, inner, skip);
  };

  const visitComprehension = (node: Node, scope: Scope): void => {
    let cur = scope;
    const clauses = namedKids(node).filter((c) => c.type === spec.comprehensionClause);
    for (const clause of clauses) {
      const iter = field(clause, 'right');
      visit(iter, cur);
      cur = pushLoop(clause, 'foreach', cur, { vars: varsOf(field(clause, 'left')), iter });
    }
    for (const c of namedKids(node)) if (c.type !== spec.comprehensionClause) visit(c, cur);
  };

  const visitCall = (node: Node, scope: Scope): void => {
    const callee = calleeText(node);
    const last = lastSegment(callee);
    const args = argsOf(node);
    const receiver = receiverOf(node);
    out.calls.push({ node, line: lineOf(node), scope, callee, last, receiver, args });
    risky(scope, lineOf(node));
    const callback = args.find((a) => spec.lambdas.includes(a.type));
    if (receiver && callback && spec.iterMethods.includes(last)) {
      // `nums.forEach(x => ...)` runs its callback once per element: treat it as a loop.
      visit(field(node, 'function') ?? receiver, scope);
      const params = field(callback, 'parameters') ?? field(callback, 'parameter');
      const vars = params ? [...identifiersIn(params)].slice(0, 1) : [];
      visit(callback, pushLoop(node, 'foreach', scope, { vars, iter: receiver }));
      return;
    }
    visitKids(node, scope);
  };

  const recordAssign = (node: Node, scope: Scope): void => {
    const rule = spec.assigns[node.type];
    if (!rule) return;
    if (rule.update) {
      const target = namedKids(node)[0] ?? null;
      const op = node.type === 'dec_statement' || node.text.includes('--') ? '--' : '++';
      if (target) pushTarget(target, null, op, undefined, false, node, scope);
      return;
    }
    const target = field(node, rule.target);
    let value = rule.value ? field(node, rule.value) : null;
    // Python's chained `i = j = 0`: the right side is itself an assignment.
    while (value && value.type === node.type && rule.value) value = field(value, rule.value);
    const op = rule.op ? opOf(node) || '=' : node.type.startsWith('update') ? opOf(node) : '=';
    const typeNode = rule.type ? field(node, rule.type) : rule.parentType ? field(node.parent, rule.parentType) : null;
    const declared = DECLARING.has(node.type) || typeNode !== null;
    if (!target) return;
    if (isListish(target)) {
      const targets = namedKids(target);
      const values = value && isListish(value) ? namedKids(value) : [];
      targets.forEach((t, i) => pushTarget(t, values.length === targets.length ? values[i] ?? null : targets.length === 1 ? value : null,
        op, typeNode?.text, declared, node, scope));
    } else {
      pushTarget(target, value, op, typeNode?.text, declared, node, scope);
    }
  };

  const pushTarget = (t: Node, value: Node | null, op: string, typeText: string | undefined, declared: boolean,
    node: Node, scope: Scope): void => {
    let name = boundName(t);
    let viaIndex = false;
    if (!name) {
      const sub = subscriptParts(t, spec);
      const obj = sub ? sub.object : isMember(t) ? memberObject(t) : null;
      if (!obj) return;
      // `self.best = x` is a variable for role purposes; `seen[x] = i` mutates `seen`.
      if (!sub && obj && spec.selfNames.includes(obj.text)) name = t.text;
      else { name = baseOf(obj, spec) ?? obj.text; viaIndex = true; }
    }
    const type = t.type === 'array_declarator' && typeText ? `${typeText}[]` : typeText;
    out.assigns.push({ node, line: lineOf(node), scope, name, viaIndex, op, value, typeText: type, declared });
  };

  const visit = (n: Node | null, scope: Scope): void => {
    if (!n || (n.id !== start.id && isBoundary(n))) return;
    const type = n.type;
    if (out.types.length < 2000 && !spec.comments.includes(type)) out.types.push(type);
    const loopRule = spec.loops[type];
    if (loopRule) return visitLoop(n, loopRule, scope);
    if (spec.comprehensions.includes(type)) return visitComprehension(n, scope);
    if (spec.calls.includes(type)) return visitCall(n, scope);
    if (spec.ifs.includes(type) || spec.ternaries[type] !== undefined) {
      const idx = spec.ternaries[type];
      const cond = typeof idx === 'number' ? namedKids(n)[idx] ?? null : field(n, idx ?? 'condition');
      visit(field(n, 'initializer'), scope);
      visit(cond, scope);
      if (cond) {
        const ev = { node: n, line: lineOf(n), scope, cond, consequence: field(n, 'consequence') };
        (spec.ifs.includes(type) ? out.ifs : out.ternaries).push(ev);
      }
      return visitKids(n, cond ? { ...scope, conds: [...scope.conds, cond] } : scope, [cond, field(n, 'initializer')]);
    }
    if (spec.tries.includes(type)) {
      const ctx: TryCtx = { line: lineOf(n), catches: [], riskyLines: new Set() };
      out.tries.push(ctx);
      const body = field(n, 'body');
      visit(body, { ...scope, tries: [...scope.tries, ctx] });
      for (const c of namedKids(n)) {
        if (spec.handlers.includes(c.type)) ctx.catches.push({ line: lineOf(c), caught: caughtOf(c, spec) });
        if (!body || c.id !== body.id) visit(c, scope);
      }
      return;
    }
    const sub = subscriptParts(n, spec);
    if (sub) { out.subscripts.push({ node: n, line: lineOf(n), scope, ...sub }); risky(scope, lineOf(n)); }
    if (spec.binaries.includes(type) || type === 'not_operator' || type === 'unary_expression') {
      const kids = namedKids(n);
      const op = opOf(n);
      out.binaries.push({ node: n, line: lineOf(n), scope, op, left: field(n, 'left') ?? kids[0] ?? null,
        right: field(n, 'right') ?? kids[kids.length - 1] ?? null });
      if (op === '/' || op === '//' || op === '%') risky(scope, lineOf(n));
    }
    if (spec.assigns[type]) recordAssign(n, scope);
    if (NEWS.has(type)) out.news.push({ node: n, line: lineOf(n), scope });
    const decl = spec.declarations[type];
    if (decl) {
      const typeText = field(n, decl.type)?.text;
      for (const d of n.childrenForFieldName(decl.declarator)) {
        if (d && !spec.assigns[d.type] && d.type !== 'function_declarator') pushTarget(d, null, '=', typeText, true, n, scope);
      }
    }
    if (spec.returns.includes(type)) out.returns.push({ node: n, line: lineOf(n), scope, hasValue: namedKids(n).length > 0 });
    if (spec.throws.includes(type)) risky(scope, lineOf(n));
    visitKids(n, scope);
  };

  const body = field(start, 'body');
  const root = spec.functions.includes(start.type) || spec.lambdas.includes(start.type) ? body : start;
  const scope: Scope = { loops: [], conds: [], tries: [] };
  if (root && root.id !== start.id) {
    // Expression-bodied lambdas return their expression.
    if (spec.lambdas.includes(start.type) && !/block|statement/.test(root.type)) {
      out.returns.push({ node: root, line: lineOf(root), scope, hasValue: true });
    }
    visit(root, scope);
  } else if (root) {
    visitKids(root, scope);
  }
  return out;
}

function caughtOf(handler: Node, spec: SyntaxSpec): string | undefined {
  let text: string | undefined;
  if (spec.caughtBy === 'catch_type') {
    text = handler.descendantsOfType('catch_type')[0]?.text;
  } else if (spec.caughtBy === 'parameters') {
    const p = namedKids(field(handler, 'parameters'))[0];
    text = p ? field(p, 'type')?.text ?? p.text : '...';
  } else if (spec.caughtBy === 'first_child') {
    const first = namedKids(handler).find((c) => c.type !== 'block' && !spec.comments.includes(c.type));
    const typeNode = first && first.type === 'as_pattern' ? namedKids(first)[0] : first;
    text = typeNode?.text;
  }
  return text ? text.replace(/^\(|\)$/g, '').replace(/\s+/g, ' ').trim() : undefined;
}


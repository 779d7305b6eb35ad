// Sajaniemi variable roles from data flow: how each variable is written inside and outside loops.
// Best effort: the aim is a good question ("what does best hold after the loop?"), not a proof.
import type { AssignEv, Collected } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { VariableRole, VariableRoleFacts } from './types.ts';
import type { ValueKind, Vocab } from './vocab.ts';
import { baseOf, calleeText, clip, escapeRegExp as esc, field, identifiersIn, isIdent, isNumber, lastSegment } from './tree.ts';

const AUGMENTED = /^(\+|-|\*|\/|\/\/|%|\||&|\^|<<|>>|\*\*)=$/;
const BOOL = /^(true|false|True|False)$/;
// Roles that a parameter can earn by being rewritten in a loop; others would just describe the input.
const PARAM_ROLES = new Set<VariableRole>(['walker', 'stepper', 'gatherer', 'most_wanted_holder', 'follower']);

export function findRoles(c: Collected, spec: SyntaxSpec, vocab: Vocab, params: string[],
  kinds: Map<string, ValueKind>): VariableRoleFacts[] {
  const byName = new Map<string, AssignEv[]>();
  for (const a of c.assigns) {
    if (a.viaIndex || a.name === '_') continue;
    const list = byName.get(a.name) ?? [];
    list.push(a);
    byName.set(a.name, list);
  }
  const mutated = new Set<string>();
  for (const a of c.assigns) if (a.viaIndex) mutated.add(a.name);
  for (const e of c.calls) {
    const recv = e.receiver ? baseOf(e.receiver, spec) : undefined;
    if (recv && vocab.mutators.includes(e.last)) mutated.add(recv);
    // Go's `xs = append(xs, x)`: the container is the first argument.
    if (!recv && /^(append|copy)$/.test(e.last)) {
      const target = baseOf(e.args[0] ?? null, spec);
      if (target) mutated.add(target);
    }
    if (vocab.heapCalls.test(e.callee)) {
      const target = baseOf(e.args[0] ?? null, spec);
      if (target) mutated.add(target);
    }
  }
  const loopVars = new Set(c.loops.flatMap((l) => l.vars));
  const assignedInLoop = new Set(c.assigns.filter((a) => a.scope.loops.length && !a.viaIndex).map((a) => a.name));

  const ctx: RoleCtx = { spec, loopVars, assignedInLoop, mutated, kinds, cLoops: c.loops };
  const out: VariableRoleFacts[] = [];
  for (const [name, evs] of byName) {
    const found = roleOf(name, evs, ctx);
    if (!found) continue;
    if (params.includes(name) && !PARAM_ROLES.has(found.role)) continue;
    const facts: VariableRoleFacts = { name, role: found.role, line: found.line };
    const init = initialValue(evs, c.loops);
    if (init && found.role !== 'container') facts.init = clip(init, 40);
    out.push(facts);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The value before the loop starts; a C-style `for (int j = i + 1; ...)` header counts as before. */
function initialValue(evs: AssignEv[], loops: Collected['loops']): string | undefined {
  const inHeader = (a: AssignEv): boolean =>
    loops.some((l) => l.init !== null && l.init.startIndex <= a.node.startIndex && l.init.endIndex >= a.node.endIndex);
  const first = evs[0];
  if (first && first.op === '=' && first.value && (!first.scope.loops.length || inHeader(first))) return first.value.text;
  return evs.find((a) => !a.scope.loops.length && a.value && a.op === '=')?.value?.text;
}

interface RoleCtx {
  spec: SyntaxSpec;
  loopVars: Set<string>;
  assignedInLoop: Set<string>;
  mutated: Set<string>;
  kinds: Map<string, ValueKind>;
  cLoops: Collected['loops'];
}

function roleOf(name: string, evs: AssignEv[], ctx: RoleCtx): { role: VariableRole; line: number } | null {
  const { spec } = ctx;
  const inLoop = evs.filter((a) => a.scope.loops.length > 0);
  const hit = (role: VariableRole, pred: (a: AssignEv) => boolean): { role: VariableRole; line: number } | null => {
    const a = inLoop.find(pred);
    return a ? { role, line: a.line } : null;
  };
  const selfRef = (a: AssignEv): boolean => a.value !== null && new RegExp(`(^|[^\\w.])${esc(name)}\\b`).test(a.value.text);
  const plain = (a: AssignEv): boolean => a.op === '=' && a.value !== null;
  const compares = (text: string): boolean => new RegExp(`\\b${esc(name)}\\b\\s*[<>]=?|[<>]=?\\s*\\b${esc(name)}\\b`).test(text);
  const maxMin = (a: AssignEv): boolean => {
    const v = a.value;
    if (!v) return false;
    if (spec.calls.includes(v.type)) return /^(max|min)$/.test(lastSegment(calleeText(v))) && selfRef(a);
    const cond = spec.ternaries[v.type] !== undefined ? field(v, 'condition') : null;
    return cond !== null && compares(cond.text);
  };

  const walker = hit('walker', (a) => plain(a) && new RegExp(`^${esc(name)}\\s*(\\.|->)\\s*\\w+$`).test(a.value?.text ?? ''));
  if (walker) return walker;
  const wanted = hit('most_wanted_holder', (a) => plain(a) && (maxMin(a) || (!selfRef(a) && a.scope.conds.some((cd) => compares(cd.text)))));
  if (wanted) return wanted;
  if (evs.length >= 2 && evs.every((a) => a.value !== null && BOOL.test(a.value.text))) {
    return { role: 'flag', line: (inLoop[0] ?? evs[evs.length - 1] ?? evs[0])?.line ?? 0 };
  }
  const follower = hit('follower', (a) => plain(a) && a.value !== null && isIdent(a.value) && a.value.text !== name &&
    (ctx.loopVars.has(a.value.text) || ctx.assignedInLoop.has(a.value.text)));
  if (follower) return follower;
  const selfOp = (a: AssignEv): { rest: string } | null => {
    if (!plain(a) || !a.value || !spec.binaries.includes(a.value.type)) return null;
    const left = field(a.value, 'left');
    const right = field(a.value, 'right');
    return left?.text === name && right ? { rest: right.text } : null;
  };
  const constant = (a: AssignEv): boolean => a.op === '++' || a.op === '--' ||
    (AUGMENTED.test(a.op) && isNumber(a.value, spec)) || (selfOp(a) !== null && /^-?\d+(\.\d+)?$/.test(selfOp(a)?.rest ?? ''));
  const gatherer = hit('gatherer', (a) => !constant(a) && ((AUGMENTED.test(a.op) && a.value !== null) || selfOp(a) !== null));
  if (gatherer) return gatherer;
  const cStyle = ctx.cLoops.find((l) => l.kind === 'for' && l.vars.includes(name));
  if (cStyle) return { role: 'stepper', line: cStyle.line };
  const rangeLoop = evs.find((a) => a.op === 'foreach' && a.value && spec.calls.includes(a.value.type) &&
    /^range$/.test(calleeText(a.value)));
  if (rangeLoop) return { role: 'stepper', line: rangeLoop.line };
  // The index half of `enumerate(xs)` / Go's `range xs` counts up like any loop index.
  const indexVar = ctx.cLoops.find((l) => l.kind === 'foreach' && l.vars.length >= 2 && l.vars[0] === name &&
    (/^enumerate\(/.test(l.iter?.text ?? '') || (spec.indexedRange && ctx.kinds.get(baseOf(l.iter, spec) ?? '') !== 'map')));
  if (indexVar) return { role: 'stepper', line: indexVar.line };
  const stepper = hit('stepper', constant);
  if (stepper) return stepper;
  const kind = ctx.kinds.get(name);
  if (kind && kind !== 'string' && ctx.mutated.has(name)) {
    return { role: 'container', line: evs.find((a) => a.declared || a.op === '=')?.line ?? evs[0]?.line ?? 0 };
  }
  const foreach = evs.find((a) => a.op === 'foreach');
  if (foreach) return { role: 'most_recent_holder', line: foreach.line };
  const recent = hit('most_recent_holder', (a) => plain(a) && !selfRef(a) && a.value !== null &&
    (Object.keys(spec.subscripts).some((t) => a.value?.type === t) || /\b(input|readline|next|nextInt|read)\s*\(/.test(a.value.text)));
  if (recent) return recent;
  if (evs.length === 1 && !inLoop.length && plain(evs[0] as AssignEv) && !ctx.mutated.has(name)) {
    const only = evs[0] as AssignEv;
    if (![...identifiersIn(only.value)].includes(name)) return { role: 'fixed', line: only.line };
  }
  return null;
}

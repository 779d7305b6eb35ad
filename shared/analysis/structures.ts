// Which variables hold which data structure, how they are used, plus test and import discovery.
import type { Node } from 'web-tree-sitter';
import type { CallEv, Collected } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import type { DataStructureFacts, TestFacts } from './types.ts';
import type { ValueKind, Vocab } from './vocab.ts';
import { argsOf, baseOf, calleeText, field, lastSegment, lineOf, namedKids } from './tree.ts';

export type KindOf = (name: string) => ValueKind | undefined;

/** Kind from a declared type (`Map<K,V>`, `list[int]`, `[]int`) or, failing that, the initialiser. */
function inferKind(typeText: string | undefined, value: Node | null, vocab: Vocab): ValueKind | undefined {
  if (typeText) {
    const t = typeText.replace(/^:\s*/, '').replace(/^(const|final|volatile)\s+/, '').trim();
    const outer = t.replace(/<.*$/s, '').replace(/^(std::|java\.util\.)/, '').trim();
    for (const candidate of [outer, outer.replace(/\[.*$/, ''), t]) {
      for (const [re, kind] of vocab.typeKinds) if (candidate && re.test(candidate)) return kind;
    }
  }
  if (value) {
    const text = value.text.trim();
    for (const [re, kind] of vocab.valueKinds) if (re.test(text)) return kind;
  }
  return undefined;
}

interface Decl { kind: ValueKind; line: number; membership: boolean }

export interface StructureResult {
  entries: DataStructureFacts[];
  kinds: Map<string, ValueKind>;
}

const LISTY = new Set<ValueKind>(['list', 'array']);

export function analyzeStructures(c: Collected, spec: SyntaxSpec, vocab: Vocab, fnName: string | undefined,
  paramTypes: Map<string, string>): StructureResult {
  const decls = new Map<string, Decl>();
  // Typed parameters inform the kinds (`List<Integer> xs` → xs.contains is a scan) but are not
  // structures the candidate built, so line 0 keeps them out of the entries.
  for (const [name, type] of paramTypes) {
    const kind = inferKind(type, null, vocab);
    if (kind) decls.set(name, { kind, line: 0, membership: false });
  }
  const locals = new Set<string>();
  for (const a of c.assigns) {
    // The first local declaration wins; later reassignments (`seen = set(seen)`) keep its line.
    if (a.viaIndex || a.op !== '=' || locals.has(a.name)) continue;
    const kind = inferKind(a.typeText, a.value, vocab);
    if (kind) { decls.set(a.name, { kind, line: a.line, membership: false }); locals.add(a.name); }
  }
  const popsFront = new Set<string>();
  const popsBack = new Set<string>();
  const pushes = new Set<string>();
  for (const call of c.calls) {
    const recv = call.receiver ? baseOf(call.receiver, spec) : undefined;
    if (vocab.heapCalls.test(call.callee)) {
      const target = baseOf(call.args[0] ?? null, spec);
      const d = target ? decls.get(target) : undefined;
      if (target && d && (LISTY.has(d.kind) || d.kind === 'heap')) d.kind = 'heap';
    }
    if (vocab.searchFunctions.test(call.callee)) {
      const target = baseOf(call.args[0] ?? null, spec);
      if (target) markMembership(decls, target);
    }
    if (!recv) continue;
    if (vocab.membershipMethods.includes(call.last)) markMembership(decls, recv);
    if (call.last === 'pop' || call.last === 'Pop') (call.args.length ? popsFront : popsBack).add(recv);
    if (/^(shift|popleft|poll|pollFirst|removeFirst)$/.test(call.last)) popsFront.add(recv);
    if (/^(append|push|push_back|add)$/.test(call.last)) pushes.add(recv);
  }
  for (const b of c.binaries) {
    if (spec.membershipOperator && (b.op === 'in' || b.op === 'not in')) {
      const target = baseOf(b.right, spec);
      if (target) markMembership(decls, target);
    }
  }
  for (const s of c.subscripts) {
    const target = baseOf(s.object, spec);
    const d = target ? decls.get(target) : undefined;
    // Go's `if seen[x]` on a map[T]bool and `v, ok := m[k]` are membership tests.
    if (d && (d.kind === 'set' || (d.kind === 'map' && /,\s*ok\s*:?=/.test(statementOf(s.node).text)))) d.membership = true;
  }
  const entries: DataStructureFacts[] = [];
  for (const [name, d] of decls) {
    if (LISTY.has(d.kind) && popsBack.has(name) && pushes.has(name) && !popsFront.has(name)) d.kind = 'stack';
    if (d.kind === 'string' || d.line === 0) continue;
    // A list named and used as a queue is one to the reader, but pop(0) on it still shifts every
    // element: the cost analysis keeps seeing a list (`kinds` below).
    const asQueue = d.kind === 'list' && popsFront.has(name) && /queue|^q$/i.test(name);
    const entry: DataStructureFacts = { kind: asQueue ? 'deque' : d.kind, name, line: d.line };
    if (fnName) entry.function = fnName;
    if (d.membership) entry.membership = true;
    entries.push(entry);
  }
  entries.sort((a, b) => a.line - b.line);
  return { entries, kinds: new Map([...decls].map(([n, d]) => [n, d.kind])) };
}

function statementOf(n: Node): Node {
  let x = n;
  while (x.parent && !/statement|declaration|clause/.test(x.type)) x = x.parent;
  return x;
}

function markMembership(decls: Map<string, Decl>, name: string): void {
  const d = decls.get(name);
  if (d) d.membership = true;
}

export interface TestInput {
  root: Node;
  spec: SyntaxSpec;
  vocab: Vocab;
  functions: { name: string; node: Node; startLine: number }[];
  /** Every call in the file, as already collected by the per-function walks. */
  calls: CallEv[];
}

/** Test functions, test blocks and assertions, each tied to the candidate function it exercises. */
export function findTests({ root, spec, vocab, functions, calls }: TestInput): TestFacts[] {
  const userFns = new Set(functions.map((f) => f.name));
  const out: TestFacts[] = [];
  const seen = new Set<string>();
  const add = (t: TestFacts): void => {
    const key = `${t.line}:${t.name}`;
    if (!seen.has(key)) { seen.add(key); out.push(t); }
  };
  const targetIn = (n: Node): string | undefined => {
    for (const call of n.descendantsOfType(spec.calls)) {
      if (!call) continue;
      const last = lastSegment(calleeText(call));
      if (userFns.has(last) && !vocab.assertCall.test(calleeText(call))) return last;
    }
    return undefined;
  };
  for (const f of functions) {
    const header = f.node.parent?.type === 'decorated_definition' ? f.node.parent.text : f.node.text;
    const annotated = /@(Test|ParameterizedTest|pytest\.mark)\b/.test(header.slice(0, 200));
    if (vocab.testFunction.test(f.name) || annotated) {
      const t: TestFacts = { line: f.startLine, name: f.name };
      const target = targetIn(f.node);
      if (target) t.target = target;
      add(t);
    }
  }
  for (const { node: call, callee } of calls) {
    if (vocab.testBlock?.test(callee)) {
      const title = argsOf(call).find((a) => spec.strings.includes(a.type));
      const t: TestFacts = { line: lineOf(call), name: title ? title.text.replace(/^['"`]|['"`]$/g, '') : callee };
      const target = targetIn(call);
      if (target) t.target = target;
      add(t);
    } else if (vocab.assertCall.test(callee)) {
      const t: TestFacts = { line: lineOf(call), name: 'assert' };
      const target = targetIn(call);
      if (target) t.target = target;
      add(t);
    }
  }
  for (const node of root.descendantsOfType('assert_statement')) {
    if (!node) continue;
    const t: TestFacts = { line: lineOf(node), name: 'assert' };
    const target = targetIn(node);
    if (target) t.target = target;
    add(t);
  }
  return out.sort((a, b) => a.line - b.line);
}

export function findImports(root: Node, spec: SyntaxSpec): string[] {
  const out: string[] = [];
  for (const node of root.descendantsOfType(spec.imports)) {
    if (!node) continue;
    const source = field(node, 'module_name') ?? field(node, 'source') ?? field(node, 'path') ?? field(node, 'name')
      ?? namedKids(node)[0] ?? null;
    const text = source?.type === 'aliased_import' ? namedKids(source)[0]?.text : source?.text;
    if (text) out.push(text.replace(/^["'<`]|["'>`]$/g, ''));
  }
  return [...new Set(out)];
}

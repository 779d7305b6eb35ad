// Allocations sized by the input: `[0] * n`, `new Array(n)`, `new int[n][m]`, `make([]int, n)`,
// `vector<int> v(n)`, `string s(n, '#')`. Creating and filling n items costs n, so an allocation
// inside a loop multiplies with it (`[[0] * n for _ in range(m)]` is m·n). A literal size (26) is
// constant.
import type { Node } from 'web-tree-sitter';
import type { Collected, Scope } from './collect.ts';
import type { SyntaxSpec } from './languages.ts';
import { argsOf, field, identifiersIn, isLiteral, isNumber, namedKids } from './tree.ts';

export interface AllocEv { line: number; scope: Scope; dims: number }

/** A size that grows with the input: not a literal, and naming something. */
const sized = (n: Node | null | undefined, spec: SyntaxSpec): boolean =>
  !!n && !isNumber(n, spec) && !isLiteral(n, spec) && identifiersIn(n).size > 0;

const CPP_SEQUENCE = /^(std::)?(vector|string|wstring|deque)\b/;

export function findAllocs(c: Collected, spec: SyntaxSpec, numeric: ReadonlySet<string>): AllocEv[] {
  const out: AllocEv[] = [];
  const push = (node: Node, scope: Scope, dims = 1): void => { out.push({ line: node.startPosition.row + 1, scope, dims }); };
  if (spec.id === 'python') {
    for (const b of c.binaries) {
      if (b.op !== '*') continue;
      const [list, size] = b.left?.type === 'list' ? [b.left, b.right] : b.right?.type === 'list' ? [b.right, b.left] : [null, null];
      if (list && sized(size, spec)) push(b.node, b.scope);
    }
  }
  if (spec.id === 'javascript' || spec.id === 'typescript') {
    for (const e of c.calls) {
      if (e.callee === 'Array' && e.args.length === 1 && sized(e.args[0], spec)) push(e.node, e.scope);
      const len = e.callee === 'Array.from' && e.args[0]?.type === 'object' ? /\blength\s*:\s*([^,}]+)/.exec(e.args[0].text)?.[1] : undefined;
      if (len && /[A-Za-z_$]/.test(len)) push(e.node, e.scope);
    }
    for (const n of c.news) {
      const args = argsOf(n.node);
      if (field(n.node, 'constructor')?.text === 'Array' && args.length === 1 && sized(args[0], spec)) push(n.node, n.scope);
    }
  }
  if (spec.id === 'java') {
    for (const n of c.news) {
      if (n.node.type !== 'array_creation_expression') continue;
      const dims = n.node.childrenForFieldName('dimensions').filter((d): d is Node => d !== null && d.type === 'dimensions_expr');
      const grow = dims.filter((d) => sized(namedKids(d)[0], spec)).length;
      if (grow) push(n.node, n.scope, grow);
    }
  }
  if (spec.id === 'go') {
    for (const e of c.calls) if (e.callee === 'make' && /^\[\]/.test(e.args[0]?.text ?? '') && sized(e.args[1], spec)) push(e.node, e.scope);
  }
  if (spec.id === 'cpp') {
    for (const a of c.assigns) {
      if (!a.declared || a.value?.type !== 'argument_list' || !a.typeText || !CPP_SEQUENCE.test(a.typeText)) continue;
      const first = namedKids(a.value)[0];
      // A bare name must be known to be a number: `vector<int> v(other)` copies (builds.ts counts that one).
      if (!first || !sized(first, spec) || /\b(begin|end)\(/.test(first.text) || (first.type === 'identifier' && !numeric.has(first.text))) continue;
      // `vector<vector<int>> dp(m, vector<int>(n))`: a row of n for each of m.
      const inner = namedKids(a.value)[1];
      const rows = inner && /^(std::)?(vector|string)\b[^(]*\(\s*([^,)]+)/.exec(inner.text);
      push(a.node, a.scope, rows && /[A-Za-z_]/.test(rows[3] ?? '') ? 2 : 1);
    }
  }
  return out;
}

// The same eight interview snippets in all six languages: the facts the interviewer's question
// templates need must come out identically whatever the candidate writes in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, type CodeAnalysis, type FunctionFacts } from '../shared/analysis/index.ts';
import { SNIPPETS, type Snippets } from './fixtures/analysis-snippets.ts';

const lineOf = (code: string, needle: string): number => {
  const i = code.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `snippet has no line containing ${needle}`);
  return i + 1;
};

async function analyze(code: string, language: string): Promise<CodeAnalysis> {
  const result = await analyzeCode(code, language);
  assert.ok(result, `${language} should be supported`);
  return result;
}

function fn(a: CodeAnalysis, name: string): FunctionFacts {
  const f = a.functions.find((x) => x.name === name);
  assert.ok(f, `function ${name} not found; have ${a.functions.map((x) => x.name).join(', ')}`);
  return f;
}

for (const [language, s] of Object.entries(SNIPPETS) as [string, Snippets][]) {
  test(`${language}: brute-force two-sum nests two loops over the same array → O(n^2)`, async () => {
    const a = await analyze(s.brute, language);
    assert.equal(a.parseOk, true);
    const f = fn(a, s.names.twoSum);
    assert.equal(f.maxLoopDepth, 2);
    assert.equal(f.nestedSameCollection?.collection, 'nums');
    assert.equal(f.nestedSameCollection?.outerLine, lineOf(s.brute, s.marks.outerLoop));
    assert.equal(f.nestedSameCollection?.innerLine, lineOf(s.brute, s.marks.innerLoop));
    assert.equal(f.complexityEstimate, 'O(n^2)');
    assert.equal(f.dominantLine, lineOf(s.brute, s.marks.innerLoop));
    assert.deepEqual(f.params.slice(0, 2), ['nums', 'target']);
    assert.equal(f.returns, true);
  });

  test(`${language}: hash-map two-sum is O(n) and uses a map`, async () => {
    const a = await analyze(s.hash, language);
    const f = fn(a, s.names.twoSum);
    assert.equal(f.complexityEstimate, 'O(n)');
    assert.equal(f.nestedSameCollection, null);
    const map = a.dataStructures.find((d) => d.kind === 'map');
    assert.ok(map, `no map in ${JSON.stringify(a.dataStructures)}`);
    assert.equal(map.name, 'seen');
    assert.equal(map.function, s.names.twoSum);
    assert.equal(map.membership, true);
  });

  test(`${language}: recursive fibonacci has a base case and branches → O(2^n)`, async () => {
    const a = await analyze(s.fib, language);
    const f = fn(a, 'fib');
    assert.equal(f.recursive, true);
    assert.deepEqual(f.recursionCalls, [lineOf(s.fib, s.marks.recursion)]);
    assert.equal(f.baseCaseLine, lineOf(s.fib, s.marks.baseCase));
    assert.equal(f.complexityEstimate, 'O(2^n)');
  });

  test(`${language}: binary search halves its range → O(log n)`, async () => {
    const a = await analyze(s.bsearch, language);
    const f = fn(a, 'search');
    assert.equal(f.loops.length, 1);
    assert.equal(f.loops[0]?.kind, 'while');
    assert.equal(f.loops[0]?.halving, true);
    assert.equal(f.complexityEstimate, 'O(log n)');
  });

  test(`${language}: try/catch is reported with the caught type and the risky line`, async () => {
    const a = await analyze(s.tryCatch, language);
    const f = fn(a, 'parse');
    assert.equal(f.hasTryCatch.length, 1);
    const t = f.hasTryCatch[0];
    assert.equal(t?.catchLine, lineOf(s.tryCatch, s.marks.catch));
    assert.equal(t?.caught, s.caught);
    if (s.marks.risky) assert.ok(t?.riskyLines.includes(lineOf(s.tryCatch, s.marks.risky)));
  });

  test(`${language}: a linear search inside a loop is a hidden O(n) cost`, async () => {
    const a = await analyze(s.linear, language);
    const f = fn(a, 'dedupe');
    assert.equal(f.linearCallsInLoops.length >= 1, true, JSON.stringify(f.linearCallsInLoops));
    const hit = f.linearCallsInLoops[0];
    assert.equal(hit?.line, lineOf(s.linear, s.marks.linear));
    assert.ok(hit?.kind === 'membership' || hit?.kind === 'search');
    assert.equal(f.complexityEstimate, 'O(n^2)');
    const seen = a.dataStructures.find((d) => d.name === 'seen');
    assert.ok(seen && (seen.kind === 'list' || seen.kind === 'array'), JSON.stringify(a.dataStructures));
  });

  test(`${language}: max-so-far is a most-wanted holder with its initial value`, async () => {
    const a = await analyze(s.maxSoFar, language);
    const f = fn(a, s.names.maxOf);
    const best = f.variableRoles.find((r) => r.name === 'best');
    assert.equal(best?.role, 'most_wanted_holder', JSON.stringify(f.variableRoles));
    assert.equal(best?.init, s.bestInit);
    assert.equal(f.complexityEstimate, 'O(n)');
    const x = f.variableRoles.find((r) => r.name === 'x');
    assert.equal(x?.role, 'most_recent_holder');
  });

  test(`${language}: a half-typed line → parseOk false, functions still found`, async () => {
    const a = await analyze(s.broken, language);
    assert.equal(a.parseOk, false);
    assert.ok(a.errorRatio > 0 && a.errorRatio < 0.5, `errorRatio ${a.errorRatio}`);
    const f = fn(a, s.names.twoSum);
    assert.equal(f.hasError, true);
    assert.equal(f.loops[0]?.iterates, 'nums');
    // The loop being typed is recovered from the broken line, so the O(n^2) shape shows early.
    assert.equal(f.maxLoopDepth, 2);
    assert.equal(f.loops[1]?.partial, true);
    const other = fn(a, s.names.other);
    assert.equal(other.hasError, false);
  });
}

test('unknown languages return null so callers fall back to diff rules', async () => {
  assert.equal(await analyzeCode('puts 1', 'ruby'), null);
  assert.equal(await analyzeCode('', 'brainfuck'), null);
});

test('aliases map to their grammar', async () => {
  for (const [alias, id] of [['py', 'python'], ['JS', 'javascript'], ['ts', 'typescript'], ['tsx', 'typescript'],
    ['c++', 'cpp'], ['c', 'cpp'], ['golang', 'go']] as const) {
    assert.equal((await analyzeCode('', alias))?.language, id, alias);
  }
  const tsx = await analyze('const App = () => <div onClick={() => go(1)}>hi</div>;\n', 'tsx');
  assert.equal(tsx.parseOk, true);
});

test('empty code analyses to nothing without throwing', async () => {
  const a = await analyze('', 'python');
  assert.deepEqual([a.parseOk, a.lines, a.functions.length], [true, 0, 0]);
});

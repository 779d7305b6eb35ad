import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseEmbedder, createLocalEmbedder, createOpenAIEmbedder, stem, tokenize } from '../shared/embedding.ts';
import { startOpenAIServer } from './helpers/openai-server.ts';

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: number[]): number => Math.sqrt(dot(a, a));

test('local embedder: id and dimensions', async () => {
  const e = createLocalEmbedder();
  assert.equal(e.id, 'local-hash-v1-256');
  assert.equal(e.dimensions, 256);
  const [v] = await e.embed(['hello world']);
  assert.equal(v!.length, 256);
  const big = createLocalEmbedder(1024);
  assert.equal(big.id, 'local-hash-v1-1024');
  assert.equal((await big.embed(['x']))[0]!.length, 1024);
  assert.throws(() => createLocalEmbedder(0), /bad dimensions/);
  assert.deepEqual(await e.embed([]), []);
});

test('local embedder is deterministic across calls and instances', async () => {
  const texts = ['Two nested loops over the same array', 'def two_sum(nums, target):', ''];
  const a = await createLocalEmbedder().embed(texts);
  const b = await createLocalEmbedder().embed(texts);
  assert.deepEqual(a, b);
  // batching does not change a text's vector
  const [single] = await createLocalEmbedder().embed([texts[1]!]);
  assert.deepEqual(single, a[1]);
});

test('local embedder returns unit vectors, including for empty and punctuation-only text', async () => {
  const vectors = await createLocalEmbedder().embed(['a binary search over a sorted array', '', '   ', '!!! ??? ...', 'the of and']);
  for (const v of vectors) {
    assert.ok(Math.abs(norm(v) - 1) < 1e-9, `norm ${norm(v)}`);
    assert.ok(v.every(Number.isFinite));
  }
});

test('related texts are closer than unrelated ones', async () => {
  const e = createLocalEmbedder();
  const [query, nested, race, bst, sorted, heap] = await e.embed([
    'two nested loops over the same array',
    'A loop nested inside another loop over the same array runs n * n times: quadratic.',
    'Two threads increment a shared counter without a lock and lose updates.',
    'What is the base case of the recursive function?',
    'The recursion stops at the base case when the list is empty.',
    'A mutex protects the critical section from a data race between threads.',
  ]);
  assert.ok(dot(query!, nested!) > dot(query!, race!) + 0.1, `${dot(query!, nested!)} vs ${dot(query!, race!)}`);
  assert.ok(dot(bst!, sorted!) > dot(bst!, heap!) + 0.1, `${dot(bst!, sorted!)} vs ${dot(bst!, heap!)}`);
  assert.ok(dot(race!, heap!) > dot(race!, sorted!), 'concurrency texts are near each other');
});

test('complexity notation is normalised across spellings', async () => {
  for (const spelling of ['O(n^2)', 'O(n²)', 'O(n**2)', 'O(N^2)', 'quadratic', 'n squared']) {
    assert.ok(tokenize(spelling).includes('o(n^2)'), spelling);
  }
  for (const spelling of ['O(n log n)', 'O(n*log(n))', 'Θ(n log n)', 'linearithmic', 'n log n']) {
    assert.ok(tokenize(spelling).includes('o(nlogn)'), spelling);
  }
  assert.ok(tokenize('O(V + E)').includes('o(v+e)'));
  assert.ok(tokenize('constant time O(1)').includes('o(1)'));
  const e = createLocalEmbedder();
  const [a, b, c] = await e.embed(['the loop is O(n²)', 'the loop is quadratic', 'the loop is O(log n)']);
  assert.ok(dot(a!, b!) > dot(a!, c!));
});

test('tokenizer splits identifiers, keeps operators and drops stopwords and line numbers', () => {
  const tokens = tokenize('maxSoFar = max_so_far + 1 on line 42; if i <= n: count += 1');
  for (const t of ['maxsofar', 'max', 'far', '<=', '+=', 'count', '1']) assert.ok(tokens.includes(t), `${t} in ${tokens.join(' ')}`);
  assert.ok(!tokens.includes('42'));
  assert.ok(!tokens.includes('the') && !tokens.includes('on'));
  assert.equal(stem('loops'), 'loop');
  assert.equal(stem('sorting'), 'sort');
  assert.equal(stem('memoization'), stem('memoize'));
  assert.equal(stem('memoise'), stem('memoize'));
  assert.equal(stem('recursion'), stem('recursive'));
  assert.equal(stem('string'), 'string');
  assert.ok(tokenize('arr[i] in the dict').includes('array'), 'code abbreviations map to words');
  assert.ok(tokenize('arr[i] in the dict').includes(stem('dictionary')));
});

test('chooseEmbedder: local by default, openai only with a key', () => {
  assert.equal(chooseEmbedder({}).embedder.id, 'local-hash-v1-256');
  assert.equal(chooseEmbedder({ dimensions: '512' }).embedder.id, 'local-hash-v1-512');
  const noKey = chooseEmbedder({ provider: 'openai' });
  assert.equal(noKey.embedder.id, 'local-hash-v1-256');
  assert.match(noKey.reason, /no OPENAI_API_KEY/);
  const openai = chooseEmbedder({ provider: 'openai', apiKey: 'sk-test', model: 'text-embedding-3-small' });
  assert.equal(openai.embedder.id, 'openai-text-embedding-3-small');
  assert.equal(openai.embedder.dimensions, 1536);
  assert.throws(() => chooseEmbedder({ provider: 'cohere' }), /local or openai/);
  assert.throws(() => chooseEmbedder({ dimensions: 'abc' }), /EMBEDDING_DIMENSIONS/);
});

test('OpenAI embedder calls embeddings on an OpenAI-compatible server (local fake)', async (t) => {
  const server = await startOpenAIServer();
  t.after(() => server.close());
  const e = createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.url, model: 'text-embedding-3-small', dimensions: 32 });
  assert.equal(e.id, 'openai-text-embedding-3-small-32');
  assert.equal(e.dimensions, 32);
  const vectors = await e.embed(['first text', 'second text']);
  assert.equal(vectors.length, 2);
  assert.equal(vectors[0]!.length, 32);
  assert.ok(Math.abs(norm(vectors[0]!) - 1) < 1e-3);
  const embedCalls = server.requests.filter((r) => r.path === '/v1/embeddings');
  assert.equal(embedCalls.length, 1);
  assert.equal((embedCalls[0]!.body as { model?: string }).model, 'text-embedding-3-small');
  assert.deepEqual(await e.embed([]), []);
});

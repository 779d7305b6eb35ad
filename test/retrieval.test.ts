import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaClient } from 'chromadb';
import { loadKnowledgeBase, type Concept, type KbChunk } from '../kb/schema.ts';
import { chromaAnswers, startChroma } from '../scripts/chroma/runtime.ts';
import { createLocalEmbedder } from '../shared/embedding.ts';
import { collectionName, createRetriever, parseChromaUrl, type Retriever } from '../shared/retrieval.ts';
import { freePort } from './helpers/env.ts';

// Against a real Chroma: CHROMA_URL if it answers, else a private server on a free port.

const prefix = `t${randomBytes(4).toString('hex')}`;
let url = '';
let client: ChromaClient;
let retriever: Retriever;
let chunks: KbChunk[];
let stopServer: (() => Promise<void>) | undefined;

before(async () => {
  chunks = await loadKnowledgeBase();
  const external = process.env.CHROMA_URL;
  if (external && (await chromaAnswers(external))) {
    url = external;
  } else {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chroma-retrieval-'));
    const server = await startChroma({ dataDir, port: await freePort() });
    url = server.url;
    stopServer = async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  client = new ChromaClient(parseChromaUrl(url));
  retriever = createRetriever({ chromaUrl: url, embedder: createLocalEmbedder(), prefix });
}, { timeout: 120_000 });

after(async () => {
  try {
    if (retriever) await retriever.dropCollections();
    if (client) {
      const left = (await client.listCollections()).map((c) => c.name).filter((n) => n.startsWith(prefix));
      assert.deepEqual(left, [], 'every test collection is deleted');
    }
  } finally {
    await stopServer?.();
  }
});

test('collection names are sanitised and scoped by prefix and embedder', () => {
  assert.deepEqual(retriever.collections, { kb: `${prefix}-kb-local-hash-v1-256`, mem: `${prefix}-mem-local-hash-v1-256` });
  assert.equal(collectionName('my prefix!', 'kb', 'openai/text-embedding-3-small'), 'my-prefix-kb-openai-text-embedding-3-small');
  assert.equal(collectionName('..', 'a'), 'axx');
  const long = collectionName('p'.repeat(600), 'kb', 'x');
  assert.ok(long.length <= 512 && /^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$/.test(long));
  assert.notEqual(long, collectionName('p'.repeat(600), 'kb', 'y'), 'truncated names stay distinct');
});

test('loading the knowledge base is idempotent', { timeout: 60_000 }, async () => {
  await retriever.ensureCollections();
  const first = await retriever.loadKnowledgeBase(chunks);
  assert.deepEqual(first, { upserted: chunks.length, deleted: 0, total: chunks.length, skipped: false });
  const second = await retriever.loadKnowledgeBase(chunks);
  assert.equal(second.upserted, 0);
  assert.equal(second.skipped, true);
  const kb = await client.getOrCreateCollection({ name: retriever.collections.kb, embeddingFunction: null });
  assert.equal(await kb.count(), chunks.length);
  assert.match(String(kb.metadata?.kb_hash), /^[0-9a-f]{64}$/);
});

test('a chunk removed from the files is removed from Chroma on the next load', { timeout: 60_000 }, async () => {
  const [dropped, ...rest] = chunks;
  const partial = await retriever.loadKnowledgeBase(rest);
  assert.equal(partial.deleted, 1);
  const hits = await retriever.searchKnowledge(`${dropped!.title}. ${dropped!.text}`, { k: 5 });
  assert.ok(!hits.some((h) => h.id === dropped!.id));
  const full = await retriever.loadKnowledgeBase(chunks);
  assert.equal(full.upserted, chunks.length);
  const again = await retriever.searchKnowledge(`${dropped!.title}. ${dropped!.text}`, { k: 1 });
  assert.equal(again[0]?.id, dropped!.id);
});

test('nested loops over one array retrieve a complexity chunk, with grader metadata', async () => {
  const hits = await retriever.searchKnowledge('two nested loops over the same array', { k: 3 });
  assert.equal(hits.length, 3);
  const hit = hits.find((h) => h.id.startsWith('complexity.'));
  assert.ok(hit, `complexity chunk in ${hits.map((h) => h.id).join(', ')}`);
  assert.equal(hit.metadata.chunkId, hit.id);
  assert.equal(hit.metadata.kind, 'kb');
  assert.equal(typeof hit.metadata.topic, 'string');
  assert.equal(typeof hit.metadata.title, 'string');
  assert.equal(typeof hit.metadata.distance, 'number');
  const concepts = JSON.parse(String(hit.metadata.concepts)) as Concept[];
  assert.ok(concepts.length > 0 && concepts.every((c) => typeof c.name === 'string' && Array.isArray(c.synonyms)));
  assert.ok(Array.isArray(JSON.parse(String(hit.metadata.misconceptions))));
  const source = chunks.find((c) => c.id === hit.id)!;
  assert.equal(hit.text, source.text);
  // ranked by distance
  const distances = hits.map((h) => Number(h.metadata.distance));
  assert.deepEqual([...distances].sort((a, b) => a - b), distances);
});

test('a topic filter returns only that topic, at most k', async () => {
  const hits = await retriever.searchKnowledge('what happens if the list is empty', { topic: 'edge_cases', k: 4 });
  assert.ok(hits.length >= 1 && hits.length <= 4);
  assert.ok(hits.every((h) => h.metadata.topic === 'edge_cases'), hits.map((h) => h.metadata.topic).join(','));
  assert.equal(hits[0]!.id, 'testing.empty-input');
  // fewer chunks than k in the topic: all of them, no error
  const changeCount = chunks.filter((c) => c.topic === 'change').length;
  assert.equal((await retriever.searchKnowledge('why did you change this line', { topic: 'change', k: 10 })).length, changeCount);
  assert.deepEqual(await retriever.searchKnowledge('anything', { topic: 'no_such_topic' }), []);
});

test('session memory: remember, update, search within a session, forget', { timeout: 60_000 }, async () => {
  const a = `sess-a-${randomBytes(3).toString('hex')}`;
  const b = `sess-b-${randomBytes(3).toString('hex')}`;
  assert.deepEqual(await retriever.searchSession(a, 'anything', 3), []);

  await retriever.rememberInteraction(a, { id: 'q1', question: 'What is the time complexity of two_sum with its nested loops?', topic: 'time_complexity' });
  await retriever.rememberInteraction(a, { id: 'q2', question: 'What does average do if nums is empty?', topic: 'edge_cases' });
  await retriever.rememberInteraction(b, { id: 'q1', question: 'What is the time complexity of pair_sum with nested loops?', topic: 'time_complexity' });
  // grading the same interaction updates its record instead of adding one
  await retriever.rememberInteraction(a, {
    id: 'q1', question: 'What is the time complexity of two_sum with its nested loops?', topic: 'time_complexity',
    answer: 'Quadratic, O(n^2): the inner loop runs n times for each element.', score: 80,
  });

  const hits = await retriever.searchSession(a, 'nested loops complexity', 5);
  assert.equal(hits.length, 2, 'only session a, one record per interaction');
  assert.ok(hits.every((h) => h.metadata.sessionId === a));
  assert.equal(hits[0]!.id, 'q1');
  assert.equal(hits[0]!.metadata.score, 80);
  assert.equal(hits[0]!.metadata.answered, true);
  assert.equal(hits[0]!.metadata.topic, 'time_complexity');
  assert.match(hits[0]!.text, /^Question: .*two_sum.*\nAnswer: Quadratic/s);
  assert.equal(hits[1]!.metadata.answered, false);
  assert.equal((await retriever.searchSession(a, 'empty input', 1)).length, 1);

  await retriever.forgetSession(a);
  assert.deepEqual(await retriever.searchSession(a, 'nested loops complexity', 5), []);
  const other = await retriever.searchSession(b, 'nested loops complexity', 5);
  assert.deepEqual(other.map((h) => h.id), ['q1'], 'other sessions are untouched');
  await retriever.forgetSession(b);
});

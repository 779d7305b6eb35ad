import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KB_DIR, KbFile, chunkArea, conceptTerms, loadKnowledgeBase } from '../kb/schema.ts';
import { TOPICS } from '../services/agent/provider.ts';

// Topics the heuristic brain asks about: each needs rubric material.
const REQUIRED_TOPICS = [
  'time_complexity', 'space_complexity', 'hidden_linear_cost', 'data_structure_choice', 'edge_cases', 'loop_bounds',
  'recursion', 'purpose', 'exceptions', 'testing', 'scale', 'variable_role', 'initial_value', 'termination',
] as const;

// Areas the knowledge base promises to cover (kb/<area>.json).
const REQUIRED_AREAS = [
  'complexity', 'recursion', 'hashing', 'sorting', 'graphs', 'dynamic-programming', 'testing', 'concurrency',
  'api-design', 'loops', 'variables', 'exceptions', 'aliasing',
];

test('every KB file validates against the chunk schema on its own', async () => {
  const files = (await fs.readdir(KB_DIR)).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 10, `${files.length} files`);
  for (const file of files) {
    const parsed = KbFile.safeParse(JSON.parse(await fs.readFile(path.join(KB_DIR, file), 'utf8')));
    assert.ok(parsed.success, `${file}: ${parsed.success ? '' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
});

test('loadKnowledgeBase: ids unique and prefixed by their file, sizes sane', async () => {
  const chunks = await loadKnowledgeBase();
  assert.ok(chunks.length >= 60 && chunks.length <= 120, `${chunks.length} chunks`);
  const ids = chunks.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const areas = new Set(chunks.map((c) => chunkArea(c.id)));
  for (const area of REQUIRED_AREAS) assert.ok(areas.has(area), `area ${area}`);
  for (const c of chunks) {
    const sentences = c.text.split(/(?<=[.!?])\s+(?=[A-Z'"(0-9])/).length;
    assert.ok(sentences >= 2 && sentences <= 6, `${c.id}: ${sentences} sentences`);
    for (const concept of c.concepts) {
      const terms = conceptTerms(concept).map((t) => t.toLowerCase());
      assert.equal(new Set(terms).size, terms.length, `${c.id}: concept ${concept.name} repeats a synonym`);
    }
  }
});

test('every topic the heuristic brain uses has at least one chunk; every topic is a TOPICS value', async () => {
  const chunks = await loadKnowledgeBase();
  const topics = new Set(chunks.map((c) => c.topic));
  for (const t of REQUIRED_TOPICS) assert.ok(topics.has(t), `no chunk for ${t}`);
  for (const t of topics) assert.ok((TOPICS as readonly string[]).includes(t), `${t} is not a TOPICS value`);
  // and in fact the whole enum is covered
  assert.deepEqual([...TOPICS].filter((t) => !topics.has(t)), []);
});

test('loadKnowledgeBase rejects bad files with the file and the field named', async (t) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-test-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  const good = {
    id: 'alpha.one', topic: 'recursion', title: 'A title',
    text: 'First sentence about recursion and its base case. Second sentence about depth and the stack.',
    concepts: [{ name: 'base case', synonyms: ['stopping condition'] }],
  };
  await fs.writeFile(path.join(dir, 'alpha.json'), JSON.stringify([good]));
  assert.equal((await loadKnowledgeBase(dir)).length, 1);

  await fs.writeFile(path.join(dir, 'beta.json'), JSON.stringify([{ ...good, id: 'beta.one', topic: 'astrology' }]));
  await assert.rejects(loadKnowledgeBase(dir), /beta\.json: \[0\.topic\]/);
  await fs.writeFile(path.join(dir, 'beta.json'), JSON.stringify([{ ...good, id: 'alpha.one' }]));
  await assert.rejects(loadKnowledgeBase(dir), /should start with "beta\."/);
  await fs.writeFile(path.join(dir, 'beta.json'), JSON.stringify([{ ...good, id: 'beta.one', extra: 1 }]));
  await assert.rejects(loadKnowledgeBase(dir), /beta\.json/);
  await fs.writeFile(path.join(dir, 'beta.json'), '[{');
  await assert.rejects(loadKnowledgeBase(dir), /beta\.json: .*JSON/);
});

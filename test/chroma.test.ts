import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaClient } from 'chromadb';
import { chromaAnswers, chromaCommand, startChroma } from '../scripts/chroma/runtime.ts';
import { freePort } from './helpers/env.ts';

test('chromaCommand runs the CLI with plain node when no private glibc is given', () => {
  const { command, args } = chromaCommand({ dataDir: '/data', host: '127.0.0.1', port: 1234, glibcDir: null });
  assert.equal(command, process.execPath);
  assert.match(args[0]!, /chromadb[\\/]dist[\\/]cli\.mjs$/);
  assert.ok(existsSync(args[0]!), `${args[0]} exists`);
  assert.deepEqual(args.slice(1), ['run', '--path', '/data', '--host', '127.0.0.1', '--port', '1234']);
});

test('chromaCommand goes through the private loader when glibcDir is given', { skip: process.arch !== 'x64' }, () => {
  const plain = chromaCommand({ dataDir: '/data', host: '0.0.0.0', port: 8000, glibcDir: null });
  const { command, args } = chromaCommand({ dataDir: '/data', host: '0.0.0.0', port: 8000, glibcDir: '/opt/g' });
  assert.equal(command, '/opt/g/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
  assert.deepEqual(args, ['--library-path', '/opt/g/usr/lib/x86_64-linux-gnu', process.execPath, ...plain.args]);
});

test('chroma server stores and queries explicit embeddings', { timeout: 300_000 }, async (t) => {
  let url = process.env.CHROMA_URL;
  if (!url || !(await chromaAnswers(url))) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chroma-test-'));
    const server = await startChroma({ dataDir, port: await freePort() });
    t.after(async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    });
    url = server.url;
  }

  const u = new URL(url);
  const ssl = u.protocol === 'https:';
  const client = new ChromaClient({ host: u.hostname, port: Number(u.port || (ssl ? 443 : 80)), ssl });
  assert.equal(typeof (await client.heartbeat()), 'number');

  const name = `test-${randomBytes(4).toString('hex')}`;
  // null (not undefined) stops the client from reaching for @chroma-core/default-embed.
  const collection = await client.createCollection({ name, embeddingFunction: null });
  try {
    await collection.add({
      ids: ['x', 'y', 'z'],
      embeddings: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      documents: ['about x', 'about y', 'about z'],
      metadatas: [{ axis: 'x' }, { axis: 'y' }, { axis: 'z' }],
    });
    assert.equal(await collection.count(), 3);

    const res = await collection.query({ queryEmbeddings: [[0.1, 0.9, 0.05]], nResults: 2 });
    assert.deepEqual(res.ids[0], ['y', 'x']);
    assert.equal(res.documents[0]?.[0], 'about y');
    assert.deepEqual(res.metadatas[0]?.[0], { axis: 'y' });
  } finally {
    await client.deleteCollection({ name });
  }
  await assert.rejects(client.getCollection({ name }));
});

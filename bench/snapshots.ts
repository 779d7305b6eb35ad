import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readVersions, versionAt, versionsAt } from '../shared/snapshots/read.ts';
import { storageFigures, type StorageFigures } from '../shared/snapshots/stats.ts';
import { DEFAULT_POLICY, encodeVersion, type KeyframePolicy, type Tip } from '../services/snapshotter/encode.ts';
import { persistPlan, planBatch } from '../services/snapshotter/persist.ts';
import { TipCache } from '../services/snapshotter/tips.ts';
import { sessions } from '../eval/sessions/index.ts';
import type { SessionScript } from '../eval/sessions/script.ts';
import { freshDatabase, type TestDb } from '../test/helpers/env.ts';
import { entry, insertSession, longSessionFrames, recordedFrames } from '../test/helpers/snapshots.ts';

// `npm run bench:snapshots`: how much code_snapshots stores for the recorded typing sessions
// (eval/sessions) and what reading it back costs. Before: every version as its full text (what the
// snapshotter did up to migration 1700000000004, the policy with every = 1). After: keyframes and
// deltas (DEFAULT_POLICY). Both are written the way the snapshotter writes them (persistPlan, batches
// of 1–12 entries, one TipCache), into a fresh database that is dropped at the end. A long session
// (every recorded session typed one after another into one file) shows how reads and the ratio
// behave as a session grows. Figures go to bench/results/snapshots.json. Needs PostgreSQL as for
// the tests; ~1 minute. BENCH_SNAPSHOT_READS (50) sets how often each read is timed.

const READS = Number(process.env.BENCH_SNAPSHOT_READS ?? 50);
const OUT = fileURLToPath(new URL('./results/snapshots.json', import.meta.url));
const FULL_TEXT: KeyframePolicy = { every: 1, chainFactor: 0 };

interface Arm {
  policy: KeyframePolicy;
  /** the recorded sessions (the long one apart) */
  figures: StorageFigures;
  /** code_snapshots with its indexes and TOAST, as Postgres reports it */
  tableBytes: number;
  /** the same with the recorded sessions only (the long one deleted, the table compacted) */
  tableBytesRecorded: number;
  perSession: { id: string; versions: number; keyframes: number; ratio: number }[];
  readAllMs: { p50: number; max: number };
  /** the long session alone: reading its latest version, and all of it */
  long: { versions: number; ratio: number; readLatestMs: { p50: number; p99: number }; readAllMs: number };
  readLatestMs: { p50: number; p99: number };
  readAtSeqsMs: { p50: number; p99: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const round = (x: number, d = 3) => Number(x.toFixed(d));
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function persistAll(db: TestDb, policy: KeyframePolicy, scripts: SessionScript[]): Promise<Map<string, string>> {
  const tips = new TipCache();
  const ids = new Map<string, string>();
  const all = [...scripts.map((s) => ({ id: s.id, frames: recordedFrames(s) })), { id: 'long (all of them in one file)', frames: longSessionFrames(scripts) }];
  for (const { id, frames } of all) {
    const sid = await insertSession(db.pool);
    ids.set(sid, id);
    const msgs = frames.map((f) => entry(sid, f));
    for (let i = 0, n = 0; i < msgs.length; n++) {
      const size = 1 + ((n * 7) % 12);
      await persistPlan(db.pool, planBatch(msgs.slice(i, i + size)), tips, policy);
      i += size;
    }
  }
  return ids;
}

async function measure(db: TestDb, policy: KeyframePolicy): Promise<Arm> {
  await db.pool.query('TRUNCATE code_snapshots');
  const ids = await persistAll(db, policy, sessions);
  // Rows before the migration had no hash column: the full-text arm is measured as they were.
  if (policy.every === 1) await db.pool.query('UPDATE code_snapshots SET code_hash = NULL');
  await db.pool.query('VACUUM FULL ANALYZE code_snapshots');
  const { rows } = await db.pool.query<{ n: string }>(`SELECT pg_total_relation_size('code_snapshots')::text AS n`);
  const perSession = [];
  const all: number[] = [];
  const latest: number[] = [];
  const atSeqs: number[] = [];
  const long = { versions: 0, ratio: 0, readLatestMs: { p50: 0, p99: 0 }, readAllMs: 0 };
  for (const [sid, name] of ids) {
    const f = await storageFigures(db.pool, [sid]);
    perSession.push({ id: name, versions: f.versions, keyframes: f.keyframes, ratio: round(f.ratio, 4) });
    let t0 = process.hrtime.bigint();
    const versions = await readVersions(db.pool, sid);
    if (name.startsWith('long')) {
      const times: number[] = [];
      long.readAllMs = round(ms(t0));
      for (let i = 0; i < READS; i++) {
        t0 = process.hrtime.bigint();
        await versionAt(db.pool, sid, 'latest');
        times.push(ms(t0));
      }
      Object.assign(long, { versions: f.versions, ratio: round(f.ratio, 4), readLatestMs: { p50: round(pct(times, 0.5)), p99: round(pct(times, 0.99)) } });
      continue;
    }
    all.push(ms(t0));
    for (let i = 0; i < READS; i++) {
      t0 = process.hrtime.bigint();
      await versionAt(db.pool, sid, 'latest');
      latest.push(ms(t0));
      // Four seqs spread over the session, as the report reads the code its questions were asked on.
      const seqs = [1, 2, 3, 4].map((k) => versions[Math.floor(((i * 4 + k) * 7919) % versions.length)].seq);
      t0 = process.hrtime.bigint();
      await versionsAt(db.pool, sid, seqs);
      atSeqs.push(ms(t0));
    }
  }
  const recorded = [...ids].filter(([, name]) => !name.startsWith('long')).map(([sid]) => sid);
  await db.pool.query('DELETE FROM code_snapshots WHERE NOT (session_id = ANY($1::uuid[]))', [recorded]);
  await db.pool.query('VACUUM FULL code_snapshots');
  const { rows: left } = await db.pool.query<{ n: string }>(`SELECT pg_total_relation_size('code_snapshots')::text AS n`);
  return {
    policy, figures: await storageFigures(db.pool, recorded), tableBytes: Number(rows[0].n), tableBytesRecorded: Number(left[0].n), perSession, long,
    readAllMs: { p50: round(pct(all, 0.5)), max: round(Math.max(...all)) },
    readLatestMs: { p50: round(pct(latest, 0.5)), p99: round(pct(latest, 0.99)) },
    readAtSeqsMs: { p50: round(pct(atSeqs, 0.5)), p99: round(pct(atSeqs, 0.99)) },
  };
}

/** CPU of choosing and encoding the stored form, in-process, per version. */
function encodeCost(): number {
  let n = 0;
  const recorded = sessions.map((s) => recordedFrames(s));
  const t0 = process.hrtime.bigint();
  for (const frames of recorded) {
    let tip: Tip | null = null;
    for (const f of frames) {
      if (f.type !== 'code_update') continue;
      tip = encodeVersion(DEFAULT_POLICY, tip, f.seq, f.code).tip;
      n++;
    }
  }
  return Number(process.hrtime.bigint() - t0) / 1e3 / n;
}

const db = await freshDatabase();
try {
  const before = await measure(db, FULL_TEXT);
  const after = await measure(db, DEFAULT_POLICY);
  const result = {
    measuredAt: new Date().toISOString(),
    sessions: sessions.length,
    versions: after.figures.versions,
    fullTextBytes: after.figures.fullBytes,
    before, after,
    ratio: {
      stored: round(after.figures.ratio, 4), onDisk: round(after.figures.onDiskBytes / before.figures.onDiskBytes, 4),
      long: after.long.ratio, table: round(after.tableBytes / before.tableBytes, 4), tableRecorded: round(after.tableBytesRecorded / before.tableBytesRecorded, 4),
    },
    encodeUsPerVersion: round(encodeCost(), 2),
  };
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  const line = (name: string, a: Arm) =>
    `| ${name} | ${a.figures.versions} | ${a.figures.keyframes} | ${kb(a.figures.storedBytes)} | ${(100 * a.figures.ratio).toFixed(2)} % | ${kb(a.figures.onDiskBytes)} | ${kb(a.tableBytes)} | ${a.readLatestMs.p50} / ${a.readLatestMs.p99} | ${a.readAtSeqsMs.p50} / ${a.readAtSeqsMs.p99} | ${a.readAllMs.p50} |`;
  console.log(`${sessions.length} recorded sessions, ${result.versions} versions, ${kb(result.fullTextBytes)} of full texts; policy every ${DEFAULT_POLICY.every}, chain ≤ ${DEFAULT_POLICY.chainFactor}× the text`);
  console.log('| storage | versions | keyframes | stored (code/delta + base + hash) | stored / full texts | on disk (pg_column_size) | whole table + indexes (long session too) | latest ms p50 / p99 | 4 seqs ms p50 / p99 | whole session ms p50 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(line('full text per version (before)', before));
  console.log(line('keyframes + deltas (after)', after));
  console.log(`per session stored / full: ${after.perSession.map((s) => `${s.id} ${(100 * s.ratio).toFixed(1)} %`).join(', ')}`);
  console.log(`long session (${after.long.versions} versions): stored / full ${(100 * after.long.ratio).toFixed(2)} %; latest read p50 / p99 ${after.long.readLatestMs.p50} / ${after.long.readLatestMs.p99} ms (before ${before.long.readLatestMs.p50} / ${before.long.readLatestMs.p99}); whole session ${after.long.readAllMs} ms (before ${before.long.readAllMs})`);
  console.log(`on disk after / before: ${(100 * result.ratio.onDisk).toFixed(1)} %; the whole table (metadata and indexes too) after / before: ${(100 * result.ratio.table).toFixed(1)} % with the long session, ${(100 * result.ratio.tableRecorded).toFixed(1)} % for the recorded sessions alone (${kb(after.tableBytesRecorded)} vs ${kb(before.tableBytesRecorded)}); encoding ${result.encodeUsPerVersion} µs per version`);
  console.log(`→ ${OUT}`);
} finally {
  await db.drop();
}

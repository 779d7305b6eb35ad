import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { fileAt } from './files.ts';
import { round } from './measure.ts';
import { cpuOrZero } from './procs.ts';

// The PostgreSQL baseline for S2: the same snapshot rows S2 sends (every session's every version,
// full text, as code_snapshots holds them) written with one raw COPY into a table shaped like
// code_snapshots (its primary key and index, no foreign key), on one connection. What storing the
// versions costs at the least; the snapshotter's own cost per frame is read against it.

export interface CopyResult { rows: number; bytes: number; seconds: number; rowsPerSec: number; backendCpuMicrosPerRow: number }

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');

/** The COPY text of the rows, in chunks (one session at a time). */
function* rows(sessions: number, versions: number): Generator<string> {
  const t0 = Date.now();
  for (let s = 0; s < sessions; s++) {
    const id = randomUUID();
    const chunk: string[] = [];
    for (let k = 0; k < versions; k++) {
      const v = fileAt(s, k);
      const at = new Date(t0 + k * 1000).toISOString();
      chunk.push([id, k + 1, esc(v.code), 'python', Buffer.byteLength(v.code), v.lines, t0 + k * 1000, `${t0 + k * 1000}-${s}`, at].join('\t'));
    }
    yield `${chunk.join('\n')}\n`;
  }
}

export async function runCopy(databaseUrl: string, sessions: number, versions: number): Promise<CopyResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_copy (LIKE code_snapshots INCLUDING ALL)');
    const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    let bytes = 0;
    const source = Readable.from((function* () {
      for (const c of rows(sessions, versions)) {
        bytes += Buffer.byteLength(c);
        yield c;
      }
    })());
    const cpu0 = cpuOrZero(pid);
    const t0 = performance.now();
    await pipeline(source, client.query(copyFrom('COPY bench_copy (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at) FROM STDIN')));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuOrZero(pid) - cpu0;
    const n = sessions * versions;
    return { rows: n, bytes, seconds: round(seconds, 2), rowsPerSec: round(n / seconds, 0), backendCpuMicrosPerRow: round(cpu / n, 1) };
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_copy').catch(() => undefined);
    await client.end();
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { processCpuMicros } from './measure.ts';

// CPU and memory of the processes behind a part: named service processes, PostgreSQL (the backends
// of the bench's database, and every postgres process on the machine), read from /proc.

/** CPU µs of a process, 0 when it is gone (a backend that ended takes its CPU with it). */
export function cpuOrZero(pid: number): number {
  try {
    return processCpuMicros(pid);
  } catch {
    return 0;
  }
}

/** Resident set size in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Every process whose command name is `postgres` (postmaster, background workers, all backends). */
export function postgresPids(): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') out.push(Number(d));
    } catch { /* gone meanwhile */ }
  }
  return out;
}

/** Backends connected to one database (pg_stat_activity), the bench's own connection left out. */
export async function databaseBackendPids(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

export interface CpuSnapshot { named: Record<string, number>; postgresDb: Map<number, number>; postgresAll: Map<number, number> }

export async function cpuSnapshot(named: Record<string, number[]>, databaseUrl?: string): Promise<CpuSnapshot> {
  const pids = databaseUrl ? await databaseBackendPids(databaseUrl) : [];
  return {
    named: Object.fromEntries(Object.entries(named).map(([k, ps]) => [k, ps.reduce((s, p) => s + cpuOrZero(p), 0)])),
    postgresDb: new Map(pids.map((p) => [p, cpuOrZero(p)])),
    postgresAll: new Map(postgresPids().map((p) => [p, cpuOrZero(p)])),
  };
}

/**
 * CPU µs used between two snapshots, per name, plus PostgreSQL: backends of the database (those
 * alive at the end; one that started meanwhile counts from 0) and all postgres processes.
 */
export function cpuDelta(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(b.named)) out[k] = v - (a.named[k] ?? 0);
  const sum = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((s, [p, v]) => s + Math.max(0, v - (before.get(p) ?? 0)), 0);
  out.postgresDatabase = sum(a.postgresDb, b.postgresDb);
  out.postgresAll = sum(a.postgresAll, b.postgresAll);
  return out;
}

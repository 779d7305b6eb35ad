import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

// What the harness reads around each arm-round: a process's CPU time, Redis's CPU and per-command
// time (latency: bench/hdr.ts).

const TICKS_PER_SEC = 100;

/** user + system CPU of a process (all its threads), in µs, from /proc. */
export function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the command name, which is in parentheses and may hold spaces
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) / TICKS_PER_SEC) * 1e6;
}

export interface RedisSample {
  cpuMicros: number;
  /** command name -> { calls, usec } */
  commands: Record<string, { calls: number; usec: number }>;
}

export async function sampleRedis(redis: Redis): Promise<RedisSample> {
  const cpu = await redis.info('cpu');
  const num = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0);
  const cpuMicros = (num('used_cpu_user') + num('used_cpu_sys')) * 1e6;
  const stats = await redis.info('commandstats');
  const commands: RedisSample['commands'] = {};
  for (const m of stats.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) commands[m[1]!] = { calls: Number(m[2]), usec: Number(m[3]) };
  return { cpuMicros, commands };
}

export interface RedisDelta {
  cpuMicros: number;
  commands: Record<string, { calls: number; usec: number; usecPerCall: number }>;
}

/** The commands that ran in between, the busiest first; INFO/SCAN noise under 10 calls left out. */
export function redisDelta(before: RedisSample, after: RedisSample): RedisDelta {
  const commands: RedisDelta['commands'] = {};
  for (const [name, a] of Object.entries(after.commands)) {
    const b = before.commands[name] ?? { calls: 0, usec: 0 };
    const calls = a.calls - b.calls;
    if (calls < 10) continue;
    commands[name] = { calls, usec: a.usec - b.usec, usecPerCall: round((a.usec - b.usec) / calls, 2) };
  }
  return { cpuMicros: after.cpuMicros - before.cpuMicros, commands };
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

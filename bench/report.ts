import type { Arm } from './arms.ts';
import { summarizeEncoded } from './hdr.ts';
import { median, round, type RedisDelta } from './measure.ts';

// From the rounds to the figures per arm and their ratios to the baseline arm.

export interface RoundResult {
  arm: string;
  seconds: number;
  acks: number;
  errors: number;
  acksPerSec: number;
  serverCpuMicros: number;
  /** the load processes' CPU: on a 2-core machine, what the server could not have */
  clientCpuMicros: number;
  redis: RedisDelta;
  /** ack latencies, HDR histograms (encoded) of each load process */
  hists: string[];
  perSocket: { sessionId: string; acks: number; errors: number }[];
  p50: number;
  p99: number;
  p999: number;
}

export interface ArmSummary {
  arm: string;
  label: string;
  rounds: number;
  /** median over rounds */
  acksPerSec: number;
  /** total server CPU over total acks, all rounds */
  serverCpuMicrosPerFrame: number;
  redisCpuMicrosPerFrame: number;
  clientCpuMicrosPerFrame: number;
  /** the Redis commands behind one frame: calls and µs (commandstats) */
  redisCommandsPerFrame: Record<string, { callsPerFrame: number; usecPerCall: number }>;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  errors: number;
  ratioToBaseline: { acksPerSec: number; serverCpuPerFrame: number; redisCpuPerFrame: number };
  /** the same ratios to the XADD loop (Redis's own cost of the entry) */
  ratioToXadd?: { redisCpuPerFrame: number };
}

export function summarize(arms: Arm[], rounds: RoundResult[], baseline: string): ArmSummary[] {
  const rows = arms.map((arm) => {
    const mine = rounds.filter((r) => r.arm === arm.name);
    const acks = mine.reduce((s, r) => s + r.acks, 0);
    const lat = summarizeEncoded(mine.flatMap((r) => r.hists));
    const commands: ArmSummary['redisCommandsPerFrame'] = {};
    for (const r of mine) {
      for (const [name, c] of Object.entries(r.redis.commands)) {
        const acc = (commands[name] ??= { callsPerFrame: 0, usecPerCall: 0 }) as { callsPerFrame: number; usecPerCall: number; usec?: number };
        acc.callsPerFrame += c.calls;
        acc.usec = (acc.usec ?? 0) + c.usec;
      }
    }
    for (const c of Object.values(commands) as { callsPerFrame: number; usecPerCall: number; usec?: number }[]) {
      c.usecPerCall = round((c.usec ?? 0) / c.callsPerFrame, 2);
      c.callsPerFrame = round(c.callsPerFrame / acks, 3);
      delete c.usec;
    }
    return {
      arm: arm.name, label: arm.label, rounds: mine.length,
      acksPerSec: round(median(mine.map((r) => r.acksPerSec)), 0),
      serverCpuMicrosPerFrame: round(mine.reduce((s, r) => s + r.serverCpuMicros, 0) / acks, 1),
      redisCpuMicrosPerFrame: round(mine.reduce((s, r) => s + r.redis.cpuMicros, 0) / acks, 1),
      clientCpuMicrosPerFrame: round(mine.reduce((s, r) => s + r.clientCpuMicros, 0) / acks, 1),
      redisCommandsPerFrame: commands,
      p50Ms: lat.p50Ms, p99Ms: lat.p99Ms, p999Ms: lat.p999Ms,
      errors: mine.reduce((s, r) => s + r.errors, 0),
      ratioToBaseline: { acksPerSec: 0, serverCpuPerFrame: 0, redisCpuPerFrame: 0 },
    };
  });
  const base = rows.find((r) => r.arm === baseline);
  const xadd = rows.find((r) => r.arm === 'xadd-loop');
  if (xadd) for (const r of rows) (r as ArmSummary).ratioToXadd = { redisCpuPerFrame: round(r.redisCpuMicrosPerFrame / xadd.redisCpuMicrosPerFrame, 2) };
  if (base) {
    for (const r of rows) {
      r.ratioToBaseline = {
        acksPerSec: round(r.acksPerSec / base.acksPerSec, 2),
        serverCpuPerFrame: round(r.serverCpuMicrosPerFrame / base.serverCpuMicrosPerFrame, 2),
        redisCpuPerFrame: round(r.redisCpuMicrosPerFrame / base.redisCpuMicrosPerFrame, 2),
      };
    }
  }
  return rows;
}

export const fmt = (n: number): string => (Number.isFinite(n) ? n.toLocaleString('en-US') : '—');

/** The S1 table: one row per arm, ratios to the raw pipe (and Redis CPU to the XADD loop). */
export function renderS1(plan: Record<string, number>, rows: ArmSummary[]): string {
  const lines = [
    `S1 (socket → Redis → ack, closed loop): ${plan.rounds} rounds × ${plan.durationMs / 1000} s per arm, interleaved; ${plan.processes} load processes × ${plan.socketsPerProcess} sockets × ${plan.inFlight} frames in flight, ~1 KB code_update frames.`,
    '',
    '| arm | acks/s (median) | × raw pipe | server CPU µs/frame | × raw pipe | Redis CPU µs/frame | × raw pipe | × XADD loop | load clients CPU µs/frame | ack p50 / p99 / p99.9 ms | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${fmt(r.acksPerSec)} | ${r.ratioToBaseline.acksPerSec} | ${r.serverCpuMicrosPerFrame} | ${r.ratioToBaseline.serverCpuPerFrame} | ${r.redisCpuMicrosPerFrame} | ${r.ratioToBaseline.redisCpuPerFrame} | ${r.ratioToXadd?.redisCpuPerFrame ?? '—'} | ${r.clientCpuMicrosPerFrame} | ${r.p50Ms} / ${r.p99Ms} / ${r.p999Ms} | ${r.errors} |`),
    '',
    'Redis commands per acked frame (INFO commandstats): ',
    ...rows.map((r) => `- ${r.arm}: ${Object.entries(r.redisCommandsPerFrame).map(([n, c]) => `${n} ${c.callsPerFrame}/frame at ${c.usecPerCall} µs`).join(', ') || '—'}`),
  ];
  return lines.join('\n') + '\n';
}

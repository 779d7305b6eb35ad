import type { LatencySummary } from './hdr.ts';
import type { MemoryResult } from './memory.ts';
import type { CopyResult } from './pg-copy.ts';
import { fmt } from './report.ts';
import type { RssResult } from './rss.ts';
import type { S2Result } from './s2.ts';

// Markdown for the parts after S1.

const lat = (l: LatencySummary) => (l.count ? `${l.p50Ms} / ${l.p99Ms} / ${l.p999Ms} (max ${l.maxMs}, n = ${fmt(l.count)})` : '— (none)');
const kib = (b: number) => `${fmt(Math.round(b / 102.4) / 10)} KiB`;

export function renderS2(s: S2Result): string {
  const p = s.plan;
  const lines = [
    `S2 (the whole pipeline, open loop): ${fmt(p.sessions)} sessions × ${p.ratePerSec} update/s for ${p.durationMs / 1000} s (${fmt(p.offeredPerSec)} updates/s offered, realistic 30–60-line Python files, ${p.processes} load processes), gateway + snapshotter + trigger + agent (heuristic) + reporter as processes; trigger env ${Object.entries(p.triggerEnv).map(([k, v]) => `${k}=${v}`).join(' ')}.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| updates sent / acked / unacked | ${fmt(s.sent)} / ${fmt(s.acks)} / ${fmt(s.unacked)}${Object.keys(s.errorCodes).length ? ` (errors: ${JSON.stringify(s.errorCodes)})` : ''} |`,
    `| frame→ack p50 / p99 / p99.9 ms (from the scheduled send) | ${lat(s.ack)} |`,
    `| time to drain after the load stopped | ${s.drainMs === null ? `not drained within ${p.drainWaitMs / 1000} s` : `${fmt(s.drainMs)} ms`} |`,
    `| decision age, out-stream decisions (decision − its update) p50 / p99 / p99.9 ms | ${lat(s.decisions.ageMs)} |`,
    `| trigger behind in time: oldest P:in entry in/trigger had not acknowledged, max over samples | ${fmt(s.lagMax['in/trigger']?.maxOldestUnackedAgeMs ?? NaN)} ms |`,
    `| decisions (out stream / archive), asks | ${fmt(s.decisions.decisions)} (${fmt(s.decisions.bySource.out)} / ${fmt(s.decisions.bySource.archive)}), ${fmt(s.decisions.asks)} |`,
    `| update→question p50 / p99 / p99.9 ms | ${lat(s.decisions.updateToQuestionMs)} |`,
    `| Redis CPU µs per frame; used_memory growth | ${s.redis.cpuMicrosPerFrame}; ${kib(s.redis.usedMemoryDelta)} |`,
    '',
    'CPU µs per acked frame, every process: ' + Object.entries(s.cpuMicrosPerFrame).map(([k, v]) => `${k} ${v}`).join(', ') + ' (postgresDatabase: backends of the bench database; postgresAll: every postgres process on the machine).',
    '',
    'Most any consumer group was behind (lag = not yet delivered, pending = delivered, not acknowledged), sampled each second: ' +
      Object.entries(s.lagMax).map(([g, m]) => `${g} lag ${fmt(m.maxLag)} / pending ${fmt(m.maxPending)} / oldest unacknowledged ${fmt(m.maxOldestUnackedAgeMs)} ms`).join('; ') + '.',
  ];
  return lines.join('\n') + '\n';
}

export const renderCopy = (c: CopyResult): string =>
  `PostgreSQL COPY baseline: ${fmt(c.rows)} snapshot rows (${kib(c.bytes)} of COPY text, the S2 sessions' every version in full) into a table shaped like code_snapshots in ${c.seconds} s: ${fmt(c.rowsPerSec)} rows/s, ${c.backendCpuMicrosPerRow} µs backend CPU per row.\n`;

export function renderMemory(m: MemoryResult): string {
  return [
    `Redis memory per active session: ${m.plan.sessions} session(s) × ${fmt(m.plan.updatesPerSession)} updates (${m.plan.minutes} min at ${m.plan.updatesPerSec}/s; ${m.plan.driven}), ${fmt(m.acks)} acked in ${m.sendSeconds} s (${m.minutesSimulated} session-minutes simulated${m.minutesSimulated < m.plan.minutes ? `, cut short by the ${m.plan.sendLimitMs / 1000}-s send limit: the gateway acks a socket's frames one at a time` : ''}), ${m.errors} errors; measured ${m.drained ? `after the groups drained (${m.drainSeconds} s)` : `NOT drained after ${m.drainSeconds} s`}.`,
    '',
    `**${kib(m.bytesPerSession)} per session** (MEMORY USAGE of its own keys; ${m.bytesPerUpdate} bytes per update): ${Object.entries(m.bytesPerSessionByKey).map(([k, v]) => `${k} ${kib(v)}`).join(', ')}. Shared keys, not counted: ${Object.entries(m.sharedBytes).map(([k, v]) => `${k} ${kib(v)}`).join(', ')}.`,
  ].join('\n') + '\n';
}

export function renderRss(r: RssResult): string {
  return [
    `Gateway RSS per idle socket (gateway alone, ${r.plan.socketsPerSession} socket(s) per session, open files limit ${r.openFilesLimit}); RSS before any socket ${fmt(Math.round(r.rssBaseBytes / 2 ** 20 * 10) / 10)} MiB:`,
    '',
    '| sockets | opened | failed | gateway RSS | bytes per socket |',
    '|---|---|---|---|---|',
    ...r.steps.map((s) => `| ${fmt(s.sockets)} | ${fmt(s.opened)} | ${fmt(s.failed)}${s.firstError ? ` (${s.firstError})` : ''} | ${fmt(Math.round(s.rssBytes / 2 ** 20 * 10) / 10)} MiB | ${fmt(s.bytesPerSocket)} |`),
  ].join('\n') + '\n';
}

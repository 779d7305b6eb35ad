import type { Redis } from 'ioredis';
import type { Keys } from '../../shared/keys.ts';

// Prometheus text for /metrics: this gateway's sockets and frames, and the pipeline behind it as
// Redis sees it — per consumer group, how far behind (lag) and how much is in flight (pending), and
// how much was dead-lettered — so an operator sees a stuck service from any gateway.

export interface GatewayStats {
  sockets: number;
  frames: number;
  rejected: number;
  relaySessions: number;
}

type GroupInfo = { name: string; pending: number; lag: number | null };

async function groups(redis: Redis, stream: string): Promise<GroupInfo[]> {
  try {
    const raw = (await redis.call('XINFO', 'GROUPS', stream)) as (string | number | null)[][];
    return raw.map((g) => {
      const m = new Map<string, string | number | null>();
      for (let i = 0; i + 1 < g.length; i += 2) m.set(String(g[i]), g[i + 1]);
      const lag = m.get('lag');
      return { name: String(m.get('name')), pending: Number(m.get('pending') ?? 0), lag: lag === null || lag === undefined ? null : Number(lag) };
    });
  } catch {
    return []; // the stream does not exist yet
  }
}

export async function renderMetrics(redis: Redis, keys: Keys, stats: GatewayStats): Promise<string> {
  const lines = [
    '# HELP assess_gateway_sockets Open WebSockets on this gateway.', '# TYPE assess_gateway_sockets gauge', `assess_gateway_sockets ${stats.sockets}`,
    '# HELP assess_gateway_frames_total Frames received on this gateway.', '# TYPE assess_gateway_frames_total counter', `assess_gateway_frames_total ${stats.frames}`,
    '# HELP assess_gateway_frames_rejected_total Frames answered with an error.', '# TYPE assess_gateway_frames_rejected_total counter', `assess_gateway_frames_rejected_total ${stats.rejected}`,
    '# HELP assess_gateway_relay_sessions Sessions whose replies this gateway relays.', '# TYPE assess_gateway_relay_sessions gauge', `assess_gateway_relay_sessions ${stats.relaySessions}`,
    '# HELP assess_stream_length Entries in a stream.', '# TYPE assess_stream_length gauge',
    '# HELP assess_group_pending Entries delivered to a group and not yet acknowledged.', '# TYPE assess_group_pending gauge',
    '# HELP assess_group_lag Entries not yet delivered to a group.', '# TYPE assess_group_lag gauge',
  ];
  for (const [name, key] of [['in', keys.in], ['ask', keys.ask], ['dlq', keys.dlq]] as const) {
    lines.push(`assess_stream_length{stream="${name}"} ${await redis.xlen(key)}`);
    if (name === 'dlq') continue;
    for (const g of await groups(redis, key)) {
      lines.push(`assess_group_pending{stream="${name}",group="${g.name}"} ${g.pending}`);
      if (g.lag !== null) lines.push(`assess_group_lag{stream="${name}",group="${g.name}"} ${g.lag}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

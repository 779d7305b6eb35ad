// Issue 8's targets, evaluated on the figures of one run (ratios to baselines of the same run).
// A target whose figures were not measured in this run (a part not chosen, an arm missing, no
// question asked) has pass = null: neither met nor missed.

export interface TargetInputs {
  s1?: {
    gatewayCpuPerFrame?: number;
    rawPipeCpuPerFrame?: number;
    socketIoCpuPerFrame?: number;
    gatewayAcksPerSec?: number;
    rawPipeAcksPerSec?: number;
    gatewayRedisCpuPerFrame?: number;
    xaddRedisCpuPerFrame?: number;
  };
  s2?: {
    sent?: number;
    acked?: number;
    ackP99Ms?: number;
    /** ms from the load stopping until every group's lag and pending were 0; null: never within the wait */
    drainMs?: number | null;
    /** the larger of out-stream decisions' age and the trigger group's oldest unacknowledged entry */
    decisionAgeMaxMs?: number;
    questionP99Ms?: number;
  };
  memory?: { bytesPerSession?: number };
}

export interface TargetResult {
  id: string;
  target: string;
  measured: number | null;
  op: '<=' | '>=';
  limit: number;
  unit: string;
  pass: boolean | null;
}

const ratio = (a?: number, b?: number) => (a === undefined || b === undefined || !(b > 0) ? undefined : a / b);

function check(id: string, target: string, measured: number | null | undefined, op: '<=' | '>=', limit: number, unit: string): TargetResult {
  const known = measured !== undefined && measured !== null && Number.isFinite(measured);
  const m = known ? Math.round(measured! * 1000) / 1000 : null;
  return { id, target, measured: m, op, limit, unit, pass: known ? (op === '<=' ? measured! <= limit : measured! >= limit) : null };
}

export function evaluateTargets(x: TargetInputs): TargetResult[] {
  const s1 = x.s1 ?? {};
  const s2 = x.s2 ?? {};
  const out = [
    check('s1-cpu-vs-raw-pipe', 'S1 gateway CPU per frame ≤ 1.25 × the raw pipe', ratio(s1.gatewayCpuPerFrame, s1.rawPipeCpuPerFrame), '<=', 1.25, '×'),
    check('s1-cpu-vs-socketio', 'S1 gateway CPU per frame ≤ 0.75 × the Socket.IO server', ratio(s1.gatewayCpuPerFrame, s1.socketIoCpuPerFrame), '<=', 0.75, '×'),
    check('s1-throughput-vs-raw-pipe', 'S1 gateway throughput ≥ 0.8 × the raw pipe', ratio(s1.gatewayAcksPerSec, s1.rawPipeAcksPerSec), '>=', 0.8, '×'),
    check('s1-redis-vs-xadd', 'Redis CPU per ingested frame ≤ 2 × a bare XADD of the same entry', ratio(s1.gatewayRedisCpuPerFrame, s1.xaddRedisCpuPerFrame), '<=', 2, '×'),
    check('s2-all-acked', 'S2 every update acknowledged', s2.sent === undefined ? undefined : ratio(s2.acked, s2.sent), '>=', 1, '× sent'),
    check('s2-ack-p99', 'S2 p99 frame→ack ≤ 10 ms', s2.ackP99Ms, '<=', 10, 'ms'),
    check('s2-drain', 'S2 every consumer group drained within 5 s of the load stopping', s2.drainMs === null ? Infinity : s2.drainMs, '<=', 5000, 'ms'),
    check('s2-decision-age', 'S2 every trigger decision on a version ≤ 2 s old', s2.decisionAgeMaxMs, '<=', 2000, 'ms'),
    check('s2-question-p99', 'S2 p99 update→question ≤ 50 ms', s2.questionP99Ms, '<=', 50, 'ms'),
    check('memory-per-session', 'Redis memory per active session ≤ 64 KiB', x.memory?.bytesPerSession, '<=', 65536, 'bytes'),
  ];
  // a drain that never happened is a miss with no finite figure
  for (const r of out) if (r.id === 's2-drain' && s2.drainMs === null) Object.assign(r, { measured: null, pass: false });
  return out;
}

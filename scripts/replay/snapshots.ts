import { createHash } from 'node:crypto';
import type { Finding } from './findings.ts';
import { short } from './findings.ts';
import { describeRow, payloadNum, payloadStr, type EventRow, type SnapshotRow } from './load.ts';

// The code itself lives in code_snapshots (keyframes and deltas, rebuilt on load); the archive keeps
// its sha256 and size per seq. Every archived code_update must have its snapshot with that hash, and
// every snapshot its archived entry. An edited delta changes every version built on it.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function verifySnapshots(events: EventRow[], snapshots: Map<number, SnapshotRow>): Finding[] {
  const findings: Finding[] = [];
  const archived = new Set<number>();
  for (const e of events) {
    if (e.stream !== 'in' || e.type !== 'code_update') continue;
    const seq = payloadNum(e.payload.seq);
    const where = `code_snapshots seq ${seq ?? '?'}`;
    if (seq === undefined) {
      findings.push({ check: 'snapshot', where: describeRow(e), message: 'archived code_update has no seq', rowId: e.id });
      continue;
    }
    if (archived.has(seq)) {
      findings.push({ check: 'snapshot', where: describeRow(e), message: `a second archived code_update for seq ${seq}`, rowId: e.id, seq });
    }
    archived.add(seq);
    const snap = snapshots.get(seq);
    if (!snap) {
      findings.push({ check: 'snapshot', where, message: `missing: the archived code_update (${describeRow(e)}) has no code`, rowId: e.id, seq });
      continue;
    }
    if (snap.code === null) {
      findings.push({ check: 'snapshot', where, rowId: e.id, seq, message: `cannot be rebuilt: ${snap.error ?? 'unknown'}` });
      continue;
    }
    const want = payloadStr(e.payload.codeSha256);
    const got = sha256(snap.code);
    if (got !== want) {
      findings.push({
        check: 'snapshot', where, rowId: e.id, seq,
        message: `code does not match the archived codeSha256 (sha256 ${short(got)}, archived ${short(want)} in session_events id ${e.id}) — edited`,
      });
    }
    const bytes = Buffer.byteLength(snap.code);
    if (payloadNum(e.payload.bytes) !== bytes || snap.bytes !== bytes) {
      findings.push({ check: 'snapshot', where, seq, rowId: e.id, message: `size differs: code is ${bytes} bytes, the row says ${snap.bytes}, the archive ${String(e.payload.bytes)}` });
    }
    if (payloadStr(e.payload.language) !== snap.language) {
      findings.push({ check: 'snapshot', where, seq, rowId: e.id, message: `language ${snap.language} differs from the archived ${String(e.payload.language)}` });
    }
    if (snap.stream_id !== e.stream_id) {
      findings.push({ check: 'snapshot', where, seq, rowId: e.id, message: `stream id ${snap.stream_id} differs from the archived entry's ${e.stream_id}` });
    }
  }
  for (const seq of snapshots.keys()) {
    if (!archived.has(seq)) {
      findings.push({ check: 'snapshot', where: `code_snapshots seq ${seq}`, seq, message: 'has no archived code_update: its session_events row is missing' });
    }
  }
  return findings;
}

import { createHash } from 'node:crypto';
import type { Finding } from './findings.ts';
import { short } from './findings.ts';
import { describeRow, type EventRow } from './load.ts';

// The archive's hash chain (migration 1700000000002_archive_chain.sql), recomputed in JS:
//   canonical = concat_ws('\n', session_id, stream, stream_id, type, coalesce(role,''), payload::text, epoch_ms(at))
//   hash      = sha256_hex(coalesce(prev_hash,'') || '\n' || canonical)
// Each row is checked twice: its content against its own hash (an edit), and its prev_hash against
// the hash of the row before it in id order (a deletion, an insertion, or a rewritten hash).

export function eventCanonical(e: Pick<EventRow, 'session_id' | 'stream' | 'stream_id' | 'type' | 'role' | 'payload_text' | 'at_text'>): string {
  return [e.session_id, e.stream, e.stream_id, e.type, e.role ?? '', e.payload_text, e.at_text].join('\n');
}

export function eventHash(prev: string | null, canonical: string): string {
  return createHash('sha256').update(`${prev ?? ''}\n${canonical}`, 'utf8').digest('hex');
}

export function verifyChain(rows: EventRow[]): Finding[] {
  const findings: Finding[] = [];
  const byHash = new Map<string, EventRow>();
  for (const r of rows) if (r.hash) byHash.set(r.hash, r);
  const add = (r: EventRow, message: string) => findings.push({ check: 'chain', where: describeRow(r), message, rowId: r.id });

  rows.forEach((r, i) => {
    if (!r.hash) {
      add(r, 'has no hash: it was not written by archive_events()');
    } else if (eventHash(r.prev_hash, eventCanonical(r)) !== r.hash) {
      add(r, 'content does not match its hash — edited');
    }
    const before = i > 0 ? rows[i - 1] : null;
    if (!before) {
      if (r.prev_hash !== null) {
        const known = byHash.get(r.prev_hash);
        add(r, known
          ? `is the first row but its prev_hash points at id ${known.id} — rows were reordered`
          : `row(s) before id ${r.id} are missing: it is the first archived row but its prev_hash is ${short(r.prev_hash)}, not empty`);
      }
      return;
    }
    if (r.prev_hash === before.hash) return;
    const known = r.prev_hash ? byHash.get(r.prev_hash) : undefined;
    if (r.prev_hash === null) {
      add(r, `row before id ${r.id} is missing or the chain was restarted: its prev_hash is empty, the row before it is id ${before.id}`);
    } else if (known) {
      add(r, `rows out of order: its prev_hash is the hash of id ${known.id}, not of the row before it (id ${before.id})`);
    } else if (eventHash(before.prev_hash, eventCanonical(before)) === r.prev_hash) {
      add(before, `its stored hash was rewritten (${short(before.hash)}); id ${r.id} chains to the original ${short(r.prev_hash)} — edited`);
    } else if (before.id === r.id - 1) {
      // Adjacent ids: nothing between them was deleted, so the row before was edited and re-hashed.
      add(before, `content and hash were both rewritten; id ${r.id} chains to ${short(r.prev_hash)}, not to its hash ${short(before.hash)} — edited`);
    } else {
      add(r, `row before id ${r.id} is missing (prev_hash ${short(r.prev_hash)} matches no archived row; the row before it now is id ${before.id})`);
    }
  });
  return findings;
}

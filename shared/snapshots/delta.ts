import { createHash } from 'node:crypto';

// How one version of the code is stored against an earlier one: the bytes both share at the start
// and at the end are kept from the base, the middle is replaced. Typing changes one place between
// two frames, so this costs the typed characters plus a few bytes. Work is on UTF-8 bytes (what
// Postgres stores and what the archive hashes), so a cut can never split a surrogate pair.
//
// Layout: varint(prefix bytes) varint(suffix bytes) middle. The middle comes last so that the
// delta's length is its cost and the decoder needs no length for it.

/** Bytes of sha256(full text) kept per row: enough to reject a wrong base; the archive keeps all 32. */
export const CODE_HASH_BYTES = 8;

export function codeHash(text: Buffer): Buffer {
  return createHash('sha256').update(text).digest().subarray(0, CODE_HASH_BYTES);
}

function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

function readVarint(buf: Buffer, at: number): [value: number, next: number] {
  let n = 0;
  let mul = 1;
  for (let i = at; i < buf.length && i < at + 5; i++) {
    n += (buf[i] & 0x7f) * mul;
    if (!(buf[i] & 0x80)) return [n, i + 1];
    mul *= 128;
  }
  throw new Error('delta: truncated length');
}

export function encodeDelta(base: Buffer, next: Buffer): Buffer {
  const max = Math.min(base.length, next.length);
  let prefix = 0;
  while (prefix < max && base[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  // The suffix may not overlap the prefix in either text.
  while (suffix < max - prefix && base[base.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  const head: number[] = [];
  writeVarint(head, prefix);
  writeVarint(head, suffix);
  return Buffer.concat([Buffer.from(head), next.subarray(prefix, next.length - suffix)]);
}

export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const [prefix, at] = readVarint(delta, 0);
  const [suffix, from] = readVarint(delta, at);
  if (prefix + suffix > base.length) throw new Error(`delta: keeps ${prefix + suffix} bytes of a ${base.length}-byte base`);
  return Buffer.concat([base.subarray(0, prefix), delta.subarray(from), base.subarray(base.length - suffix)]);
}

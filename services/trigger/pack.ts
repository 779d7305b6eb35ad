import { deflateRawSync, inflateRawSync } from 'node:zlib';

// The large texts of the trigger's state (the last code, the code of the last question, the last
// analysis) are kept deflated in P:state: a 500-line file's state went from ~80–105 KB to a
// fraction, for well under a millisecond of CPU per update. Base64, because trigger-commit.lua
// takes its fields in a JSON object. The field names say packed (`lastCodeZ`), so a state written
// before packing still reads (its `lastCode`) until the next commit replaces it.

export const PACKED_FIELDS = ['lastCode', 'analysis', 'base'] as const;
export type PackedField = (typeof PACKED_FIELDS)[number];

export const packedName = (field: PackedField) => `${field}Z`;

export function pack(text: string): string {
  return text === '' ? '' : deflateRawSync(Buffer.from(text, 'utf8'), { level: 1 }).toString('base64');
}

export function unpack(packed: string): string {
  return packed === '' ? '' : inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8');
}

/** A field of a state hash, packed or (written before packing) plain. */
export function readPacked(h: Record<string, string>, field: PackedField): string | undefined {
  const z = h[packedName(field)];
  return z !== undefined ? unpack(z) : h[field];
}

/** The extra fields of a commit with the large ones packed. */
export function packExtra(extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(extra)) {
    if ((PACKED_FIELDS as readonly string[]).includes(k)) out[packedName(k as PackedField)] = pack(v);
    else out[k] = v;
  }
  return out;
}

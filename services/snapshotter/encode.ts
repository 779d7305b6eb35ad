import { applyDelta, codeHash, encodeDelta } from '../../shared/snapshots/delta.ts';

// Which versions are stored whole (keyframes) and which as a delta against an earlier one. A read
// of any version walks back to its keyframe, so the chain is bounded both in rows and in bytes:
// at most `every` rows, and its deltas together no larger than `chainFactor` times the text.

export interface KeyframePolicy {
  /** at most this many rows from a keyframe to any version built on it (the keyframe included) */
  every: number;
  /** a chain's delta bytes stay under this many times the version's own size */
  chainFactor: number;
}

export const DEFAULT_POLICY: KeyframePolicy = { every: 64, chainFactor: 1 };

/** The newest version a session's next delta can be built on, as the snapshotter knows it. */
export interface Tip {
  seq: number;
  text: Buffer;
  /** rows after the keyframe on this version's chain (0: it is a keyframe) */
  depth: number;
  /** delta bytes on this version's chain */
  chainBytes: number;
}

export interface StoredForm {
  seq: number;
  /** the full text for a keyframe, null for a delta */
  code: string | null;
  base_seq: number | null;
  delta: Buffer | null;
  code_hash: Buffer;
}

/** Pure: how `text` at `seq` is stored given the tip, and the tip after it. */
export function encodeVersion(policy: KeyframePolicy, tip: Tip | null, seq: number, code: string): { form: StoredForm; tip: Tip } {
  const text = Buffer.from(code, 'utf8');
  const hash = codeHash(text);
  if (tip && tip.seq < seq && tip.depth + 1 < policy.every) {
    const delta = encodeDelta(tip.text, text);
    const chainBytes = tip.chainBytes + delta.length;
    // A delta as large as the text (a paste of a whole file, everything deleted) buys nothing.
    if (delta.length < text.length && chainBytes <= policy.chainFactor * text.length) {
      return {
        form: { seq, code: null, base_seq: tip.seq, delta, code_hash: hash },
        tip: { seq, text, depth: tip.depth + 1, chainBytes },
      };
    }
  }
  // Stored as the text Postgres would have stored before: what a lone surrogate became in UTF-8.
  return { form: { seq, code: text.toString('utf8'), base_seq: null, delta: null, code_hash: hash }, tip: { seq, text, depth: 0, chainBytes: 0 } };
}

/** Bytes a stored form takes for its content: the text or the delta, the base seq and the hash. */
export function storedBytes(form: StoredForm): number {
  return (form.code !== null ? Buffer.byteLength(form.code) : form.delta!.length + 8) + form.code_hash.length;
}

export { applyDelta };

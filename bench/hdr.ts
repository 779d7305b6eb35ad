import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';

// Latency as HDR histograms: every sample kept at 3 significant digits in a few KB, so a load
// process sends its whole distribution (compressed base64) instead of a sample array, and p99.9
// over every ack of every process is exact to 0.1 %. Values are recorded in µs.

export type { Histogram };

export function newHistogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

/** Records a latency in ms (kept in µs; anything under 1 µs counts as 1 µs). */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export const encodeHistogram = (h: Histogram): string => encodeIntoCompressedBase64(h);

/** The union of several encoded histograms (load processes, rounds). */
export function mergeHistograms(encoded: string[]): Histogram {
  const out = newHistogram();
  for (const e of encoded) if (e) out.add(decodeFromCompressedBase64(e));
  return out;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  meanMs: number;
}

const ms = (us: number) => Math.round(us) / 1000;

export function summarizeHistogram(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, p50Ms: NaN, p99Ms: NaN, p999Ms: NaN, maxMs: NaN, meanMs: NaN };
  return {
    count: h.totalCount,
    p50Ms: ms(h.getValueAtPercentile(50)),
    p99Ms: ms(h.getValueAtPercentile(99)),
    p999Ms: ms(h.getValueAtPercentile(99.9)),
    maxMs: ms(h.maxValue),
    meanMs: ms(h.mean),
  };
}

/** Summary of encoded histograms together. */
export const summarizeEncoded = (encoded: string[]): LatencySummary => summarizeHistogram(mergeHistograms(encoded));

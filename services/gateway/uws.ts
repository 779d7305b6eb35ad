import { createRequire } from 'node:module';
import type * as UWS from 'uWebSockets.js';

export type { UWS };

const require = createRequire(import.meta.url);

/**
 * Loads the native uWebSockets.js build directly. The package silently falls back to a slow JS
 * implementation when its binary does not match this Node; that must be a decision, not an accident.
 */
export function loadUws(allowFallback: boolean): { uws: typeof UWS; native: boolean } {
  const binary = `uWebSockets.js/binaries/uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  try {
    return { uws: require(binary) as typeof UWS, native: true };
  } catch (err) {
    if (!allowFallback) {
      throw new Error(
        `the native uWebSockets.js build did not load (${binary}): ${err instanceof Error ? err.message : String(err)}. ` +
          'Set ALLOW_UWS_FALLBACK=1 to run on the slow JS fallback.',
      );
    }
    process.env.UWS_USE_FALLBACK = '1';
    return { uws: require('uWebSockets.js') as typeof UWS, native: false };
  }
}

import { pyTwoSumAnagrams } from './py-two-sum-anagrams.ts';
import type { SessionScript } from './script.ts';

// Every recorded session the evaluation replays.
export const sessions: SessionScript[] = [pyTwoSumAnagrams];

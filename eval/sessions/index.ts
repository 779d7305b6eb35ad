import { cppTwoSumKadane } from './cpp-two-sum-kadane.ts';
import { goIslands } from './go-islands.ts';
import { goPalindrome } from './go-palindrome.ts';
import { javaBracketsPrefix } from './java-brackets-prefix.ts';
import { javaKthPairs } from './java-kth-pairs.ts';
import { javaStockIntervals } from './java-stock-intervals.ts';
import { jsAnagramsIncludes } from './js-anagrams-includes.ts';
import { jsBracketsSplice } from './js-brackets-splice.ts';
import { pyIslandsStairs } from './py-islands-stairs.ts';
import { pyTwoSumAnagrams } from './py-two-sum-anagrams.ts';
import { pyWaterFib } from './py-water-fib.ts';
import type { SessionScript } from './script.ts';
import { tsIntervals } from './ts-intervals.ts';
import { tsWindowSearch } from './ts-window-search.ts';

// Every recorded session the evaluation replays (eval/sessions/README.md says how they are made).
export const sessions: SessionScript[] = [
  pyTwoSumAnagrams, pyIslandsStairs, jsBracketsSplice, jsAnagramsIncludes, tsWindowSearch, tsIntervals, javaStockIntervals, javaBracketsPrefix,
  goIslands, goPalindrome, cppTwoSumKadane,
  // written after the timing rules were tuned on the ones above, as a check that they were not fitted to them
  pyWaterFib, javaKthPairs,
];

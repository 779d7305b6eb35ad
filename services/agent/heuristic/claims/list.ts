// A list of terms is not a claim: "sliding window, two pointers, hash set, O(n)" names the right
// words without saying anything about the code. Such an answer stays below every committed right
// answer, however well its terms match the rubric.
import { norm, words } from '../text.ts';

const VERB = /\b(is|are|was|were|be|has|have|had|does|do|did|returns?|holds?|keeps?|stores?|runs?|makes?|checks?|stops?|goes|gets|scans?|moves?|shifts?|calls?|means|would|will|can|could|should|because|since|so|if|when|then|takes?|costs?|gives?|becomes?|stays?|grows?|visits?|loops?|iterates?|compares?|counts?|finds?|computes?|uses?|adds?|pushes?|pops?|avoids?|prevents?|protects?|breaks?|throws?|raises?|crash\w*|starts?|ends?|reaches?)\b/;

export function isTermList(answer: string): boolean {
  const items = norm(answer).split(/[,;\n]|\s\/\s/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 4) return false;
  const short = items.filter((s) => words(s).length <= 4).length;
  const long = items.some((s) => words(s).length > 6);
  // A one- or two-word item ("loop", "one pass") is a noun phrase even when the word can be a verb.
  const verbs = items.filter((s) => words(s).length >= 3 && VERB.test(s)).length;
  return short >= items.length - 1 && !long && verbs === 0;
}

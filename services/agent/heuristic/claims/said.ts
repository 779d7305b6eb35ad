// Reading what an answer asserts: a term counts only in a clause that does not negate it, and a
// sentence that proposes a change ("I'd throw…", "if it were sorted…") is not a claim about the code.
import type { Expected } from '../expected.ts';
import type { ComplexityReading } from '../complexity.ts';
import { hasAny, hasIdentifier } from '../text.ts';
import type { CodeFacts } from './facts.ts';

export interface ClaimResult {
  /** why a claim contradicts the code, in a sentence a hiring manager reads */
  contradiction?: string;
  /** the contradiction is a known misconception rather than a plain error */
  misconception?: boolean;
  /** a right claim the code confirms (earns at least a middle grade) */
  right?: string;
  /** a second, independent right claim (completes a short answer) */
  complete?: boolean;
}

export interface ClaimInput { topic: string | null; facts: CodeFacts; e: Expected; raw: string; t: string; reading: ComplexityReading }

// Contractions too: "can't", "isn't", "wasn't" (n't has no word boundary before it).
export const NEGATION = /\b(not|never|no|doesn't|does not|won't|without|instead of|rather than)\b|n't\b/;
// A proposal ("I'd throw a RangeError", "if it were sorted, two pointers…") is not a claim about the
// code as it is: the whole sentence is skipped.
export const PROPOSAL = /\b(i'd|i would|we could|i could|would|should|could|better to|prefer|might want|instead|were)\b/;
/** A term said affirmatively about the code: in a clause that neither negates it nor sits in a proposal (nor is about `exclude`). */
/** A pattern found in a sentence that is not a proposal. */
export function claimsRe(t: string, re: RegExp): boolean {
  return t.split(/(?<=[.!?])\s+|\n/).some((s) => !PROPOSAL.test(s) && re.test(s));
}

export function says(t: string, terms: readonly string[], exclude: readonly string[] = [], proposals = false): boolean {
  for (const sentence of t.split(/(?<=[.!?])\s+|\n/)) {
    if (!proposals && PROPOSAL.test(sentence)) continue;
    // Commas inside numbers ("10,000") and dots inside decimals do not end a clause.
    for (const clause of sentence.split(/[;:]|\.(?!\d)|,(?!\d)|\bbut\b|\bso\b|\band\b/)) {
      if (exclude.some((x) => hasIdentifier(clause, x.toLowerCase()))) continue;
      const hit = terms.find((x) => hasAny(clause, [x]));
      // A negation inside the term itself ("no real difference") is part of what is said.
      if (hit && (NEGATION.test(hit) || !NEGATION.test(clause))) return true;
    }
  }
  return false;
}

/** The clauses that say what something holds ("stack holds …", "it's a stack of …"), else the whole answer. */
export function holdingPart(t: string): string {
  const parts = t.split(/[.;]|\band\b|\bbut\b/).filter((c) => /\b(holds?|contains?|stores?|keeps?|stack of|list of|are the|is the|it's the|it's a|pushed)\b/.test(c));
  return parts.length ? parts.join('. ') : t;
}

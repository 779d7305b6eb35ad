// Grading a free-text answer without a model (INTERVIEWING.md). Four dimensions, 0–3 each:
//   C correctness  (checks.ts: computed key 3, known misconception 1, contradiction 0)
//   G grounding    (own identifiers, valid line numbers, literals, quoted code)
//   A abstraction  (SOLO: prestructural 0, unistructural 1, multistructural 2, relational 3)
//   K completeness (share of rubric concepts, counted only in sentences about the code or giving a reason)
// Score formula (0–100):
//   quality = (0.45·K + 0.30·G + 0.25·A) / 3
//   score   = 100 · ( 0.55 · C/3  +  0.45 · gate(C) · quality ),   gate = [0.25, 0.35, 0.85, 1][C]
// so a wrong answer cannot buy a pass with fluent, well-grounded prose (C = 0 tops out near 11, a
// known misconception near 34), and a bare right answer lands around 55–60 with a follow-up. Before
// the formula, a keyword dump or two classes offered as alternatives cap C at 1 (not an answer);
// after it, caps by flag: prompt_injection ≤ 20, evasive ≤ 15, off_topic ≤ 10, keyword_dump ≤ 40,
// empty = 0. Commitment (hedged / rambling) is reported beside the score, never folded in.
import { analyzeCode } from '../../../shared/analysis/index.ts';
import type { EvaluationInput, EvaluationOutput } from '../provider.ts';
import { checkKey, type AnswerView, type KeyResult } from './checks.ts';
import { pickFunction } from './code.ts';
import { readComplexity, toCls } from './complexity.ts';
import { readExpected, type Expected } from './expected.ts';
import { resolveRubric } from './kb.ts';
import { CODE_REFERENCE, NARRATION } from './lexicon.ts';
import { rolePlain, roleTerms, rubricFor } from './rubric.ts';
import {
  appealsToConvention, restatesQuestion, commitmentOf, coverage, explanationDepth, gradeCompleteness, gradeGrounding, groundOf, groundTokens, isEvasive, isOffTopic, soloLevel, splitInjection,
} from './signals.ts';
import { clip, countTerms, hasIdentifier, lineRefs, listPhrase, norm, words } from './text.ts';
import { costName, oneVariable, sqrtBound, tableSpace } from './claims/cost.ts';
import { conditionalWrite, nameWords } from './claims/roles.ts';
import { elementRecursion } from './claims/recursion.ts';
import { codeFacts } from './claims/facts.ts';
import { indexBound } from './claims/kind.ts';
import { judgeClaims } from './claims/judge.ts';
import { isTermList } from './claims/list.ts';
import { emptyOutcome } from './derive.ts';
import { raisingLines } from './claims/raises.ts';

const W = { correctness: 0.55, K: 0.45, G: 0.3, A: 0.25 } as const;
const GATE = [0.25, 0.35, 0.85, 1];
const CAPS: Record<string, number> = { prompt_injection: 20, evasive: 15, off_topic: 10, keyword_dump: 18, contradicts_code: 15, misconception: 22 };
/** A right claim the code confirms is never graded below this; an unverifiable one stays in this band. */
const RIGHT_FLOOR = 45;
const UNVERIFIED: [number, number] = [32, 42];
const CLASS_TOPICS = ['time_complexity', 'scale', null];

export function scoreOf(r: { correctness: number; completeness: number; grounding: number; abstraction: number }): number {
  const quality = (W.K * r.completeness + W.G * r.grounding + W.A * r.abstraction) / 3;
  return 100 * (W.correctness * (r.correctness / 3) + (1 - W.correctness) * GATE[r.correctness] * quality);
}

/** Fills a key another provider (or an older question) left out: the rubric, and the complexity from the code. */
async function enrich(e: Expected, input: EvaluationInput): Promise<Expected> {
  const out = { ...e };
  if (!out.concepts.length) {
    const r = await resolveRubric(rubricFor(out.variant, input.topic), input.topic, input.retrieved);
    out.concepts = r.concepts;
    out.need ??= r.need;
    out.misconceptions = [...out.misconceptions, ...r.misconceptions];
  }
  const wantsClass = input.topic === 'time_complexity' || input.topic === 'scale' || /time complexity/i.test(input.question);
  if ((!out.function || (wantsClass && !out.complexity)) && input.code.trim()) {
    const analysis = await analyzeCode(input.code, input.language).catch(() => null);
    const named = analysis?.functions.find((f) => hasIdentifier(input.question, f.name))?.name;
    const f = pickFunction(analysis, out.function ?? named);
    if (f) {
      out.function ??= f.name;
      out.lines ??= [f.startLine, f.endLine];
      if (wantsClass && !out.complexity) {
        out.complexity = f.complexityEstimate;
        if (f.dominantLine) out.dominantLine ??= f.dominantLine;
        out.keyReason ??= f.dominantLine ? `line ${f.dominantLine} dominates` : undefined;
      }
    }
  }
  return out;
}

function emptyResult(): EvaluationOutput {
  return {
    score: 0, rubric: { correctness: 0, grounding: 0, abstraction: 0, completeness: 0 },
    rationale: 'No answer was given.', flags: ['empty'], missing: ['an answer'], commitment: 'committed',
  };
}

function qualitySentence(G: number, K: number, missing: string[], groundExamples: string[]): string {
  const ground = G >= 2 ? `Refers to the code itself (${listPhrase(groundExamples.slice(0, 3))})` : G === 1 ? 'Barely refers to the code' : 'Does not refer to the code itself';
  const reason = K === 3 ? 'explains why' : K === 0 && !missing.length ? 'gives no reasoning' : `misses ${listPhrase(missing.slice(0, 2), 'and')}`;
  return `${ground} and ${reason}.`;
}

function followUpOf(e: Expected, key: KeyResult, hedgedClasses: string[], G: number, missing: string[]): string {
  const fn = e.function;
  if (hedgedClasses.length >= 2) {
    return `You mentioned ${listPhrase(hedgedClasses, 'and')} \u2014 which one is it${fn ? ` for ${fn}` : ''}, and which line decides it?`;
  }
  const focus = key.focus ?? missing[0] ?? 'your reasoning';
  const where = G === 0 && e.focusLines?.length ? ` \u2014 point at the code, for example line ${e.focusLines[0]}` : '';
  return clip(`Could you be more specific about ${focus}${where}?`, 400);
}

export async function grade(input: EvaluationInput): Promise<EvaluationOutput> {
  const answer = input.answer.slice(0, 6000);
  if (!/[A-Za-z0-9]/.test(answer)) return emptyResult();
  const e = await enrich(readExpected(input.expected), input);
  // Facts from the code the question was about, computed now: the stored key may be stale or another provider's.
  const facts = await codeFacts(input.code, input.language, e.function);
  if (facts.fn && facts.cost && CLASS_TOPICS.includes(input.topic) && e.complexity) {
    const recomputed = costName(facts.cost);
    // A reason written for another class ("visits each element a bounded number of times" beside O(n^2)) would contradict the verdict.
    if (toCls(recomputed) !== toCls(e.complexity) || (facts.cost.p >= 2 && /bounded number of times/.test(e.keyReason ?? ''))) {
      e.keyReason = facts.fn.dominantLine ? `line ${facts.fn.dominantLine} runs most often` : undefined;
    }
    e.complexity = recomputed;
    // One loop that stops once d * d passes n (or at sqrt(n)) runs about √n times, whatever a linear estimate says.
    const loops = facts.fn.loops;
    if (recomputed === 'O(n)' && loops.length === 1 && sqrtBound(facts.lines.at(loops[0].line))) {
      e.complexity = 'O(sqrt n)';
      e.keyReason = `the loop on line ${loops[0].line} stops once its counter passes the square root, so it runs about √n times`;
    }
  }
  // The statements that can raise the caught type, from the code: the stored key may blame a parse for a KeyError.
  const raising = input.topic === 'exceptions' ? raisingLines(facts) : null;
  if (raising) {
    e.riskyLines = raising.lines;
    e.riskyTerms = raising.lines.flatMap((l) => [facts.lines.at(l).trim().replace(/^(?:\w+\s*(?::=|=)\s*|return\s+)/, '').replace(/;$/, '')]).filter((x) => x.length > 1);
    e.keyReason = `line${raising.lines.length > 1 ? 's' : ''} ${raising.lines.join(' and ')} can raise ${raising.caught}`;
  }
  // A recursion on an element of the input goes one level per level of nesting, not per item.
  if (input.topic === 'recursion' && e.depth === 'O(n)' && elementRecursion(facts.body, facts.fn?.name)) {
    Object.assign(e, { depth: 'nesting', depthValue: undefined, baseTerms: ['not a list', "isn't a list", "aren't lists", 'are not lists', 'not lists', 'non-list', 'isinstance', 'no sublists', 'no nested'],
      keyReason: 'only a nested list recurses, so the depth is how deeply the input nests; a flat list of any length is one call deep' });
  }
  // A holder written from the loop's element only under a condition is not a follower ("the previous value").
  const when = input.topic === 'variable_role' && e.variant === 'role.follower' && e.variable ? conditionalWrite(facts, e.variable) : undefined;
  if (when) {
    e.roleTerms = [...nameWords(facts.fn?.name ?? '').filter((w) => w.length >= 4), 'survives', 'survivor', 'kept', 'chosen', 'replaced', 'reset', 'whenever', 'only when', 'winner', 'leader'];
    e.keyReason = `${e.variable} takes the element only when \`${when}\`, and keeps it until that happens again`;
  }
  // A bound moved to mid (`hi = mid`, `lo = mid + 1`) is an index of the search range, not a follower.
  if (input.topic === 'variable_role' && e.variable && e.variant === 'role.follower' && indexBound(facts.body, facts.writes, e.variable)) {
    Object.assign(e, { variant: 'role.bound', roleTerms: roleTerms('bound'), concepts: rubricFor('role.bound', 'variable_role').concepts, keyReason: `${e.variable} is ${rolePlain('bound')}; when the loop ends the two bounds meet on the index of the answer` });
  }
  if (input.topic === 'space_complexity' && e.spaceComplexity === 'O(n)' && tableSpace(facts.body)) {
    e.spaceComplexity = 'O(n^2)';
    e.keyReason = `${e.holder ?? 'the table'} has one entry per cell, rows × columns`;
  }
  const edge = facts.fn?.indexFirst[0];
  if (input.topic === 'edge_cases' && edge && (!e.param || e.param === edge.param)) e.outcome = emptyOutcome(edge, facts.language, facts.lines);
  // The remedy for a call that shifts elements (splice, insert at 0, pop(0)) is one pass, not a hash set.
  if (input.topic === 'hidden_linear_cost' && /splice|shift\(|unshift|insert\(\s*0|pop\(\s*0|erase\(|\.remove\(/.test(`${e.keyReason ?? ''} ${input.question}`)) {
    e.remedyTerms = [...new Set([...(e.remedyTerms ?? []).filter((r) => !/set|map|dict|hash/.test(r)), 'filter', 'write index', 'two pointer', 'two-pointer', 'compact',
      'new array', 'new list', 'single pass', 'one pass', 'deque', 'linked list', 'list comprehension', 'copy the non-zero', 'keep a write',
      'head pointer', 'head index', 'index pointer', 'index into', 'read index', 'front index', 'an index', 'offset', 'pointer'])];
  }
  const g = groundOf(input.code, e.function, e.lines);
  const { clean, injected } = splitInjection(answer);
  const a: AnswerView = { raw: clean, t: norm(clean), reading: readComplexity(oneVariable(clean)), lines: lineRefs(clean) };
  const gt = groundTokens(clean, g);
  // With a class as the key, naming the class is correctness; completeness counts the reasons given for it.
  const classKeyed = !!(e.complexity || e.spaceComplexity) && ['time_complexity', 'space_complexity', 'scale', null].includes(input.topic);
  const isClassWord = (c: { name: string; synonyms: string[] }) => {
    const terms = [c.name, ...c.synonyms];
    return terms.filter((x) => toCls(x)).length >= 0.75 * terms.length;
  };
  const concepts = classKeyed ? e.concepts.filter((c) => !isClassWord(c)) : e.concepts;
  const cov = coverage(clean, concepts, g);
  const solo = soloLevel(clean, input.question);
  const narration = countTerms(a.t, NARRATION) >= 3 || a.lines.length >= 4;
  const key = checkKey(input.topic, e, a, solo, narration);
  // A bare noun phrase ("Word frequencies.") is a short answer, not a list: a list has several items.
  const items = clean.split(/[,;\n]/).filter((x) => /\w/.test(x)).length;
  const claimVerb = /\b(is|are|was|returns?|would|will|does|holds?|stops?|throws?|raises?|panics?|runs?|makes?|gives?|keeps?|counts?)\b/i.test(clean);
  const listed = (cov.dumpShare >= 0.4 && (items >= 3 || (words(clean).length >= 4 && !claimVerb))) || isTermList(clean);
  const claim = !/[A-Za-z0-9]/.test(clean) || listed ? {} : judgeClaims({ topic: input.topic, facts, e, raw: clean, t: a.t, reading: a.reading });
  const keyScore = claim.right && !key.misconception ? Math.max(key.score, 2) : key.score;

  const flags: string[] = [];
  const nothingLeft = !/[A-Za-z0-9]/.test(clean);
  // "It's the standard prev pointer", "a well-known property": an appeal to convention in place of a claim.
  // Restating the question's own words is a dodge even when it is true ("it's the result variable that gets returned").
  const dodges = (appealsToConvention(a.t) && keyScore < 2 && !claim.right && !claim.contradiction)
    || (restatesQuestion(clean, input.question) && key.score < 2 && !claim.contradiction);
  const evasive = !nothingLeft && (isEvasive(clean, gt.weight, keyScore) || dodges);
  const offTopic = !nothingLeft && !evasive && isOffTopic(clean, gt.weight, cov.hit.length, keyScore);
  const dump = listed;
  if (injected) flags.push('prompt_injection');
  // keyword_list is the name the report's integrity signals read.
  if (dump) flags.push('keyword_dump', 'keyword_list');
  if (evasive) flags.push('evasive');
  if (offTopic) flags.push('off_topic');
  // Several classes are a hedge when the class is the answer; elsewhere (a per-lookup cost beside a
  // total, a before and after) only an explicit "O(n) or O(n^2)" is.
  const classHedge = classKeyed ? a.reading.hedged : a.reading.explicitHedge;
  if (classHedge) flags.push('hedged_class');
  if (claim.contradiction) flags.push(claim.misconception ? 'misconception' : 'contradicts_code');
  else if (key.misconception && key.score <= 1) flags.push('misconception');

  let C = key.score;
  // Completeness: the rubric's concepts, or reasons given in the candidate's own words, whichever shows more.
  let K = Math.max(gradeCompleteness(cov.hit.length, e.need ?? 2), explanationDepth(clean));
  // A few words can name the right things but cannot explain them: "O(1) lookups instead of O(n)."
  const size = words(clean).length;
  if (size < 8) K = Math.min(K, 1);
  else if (size < 14) K = Math.min(K, 2);
  // Concepts named inside a wrong claim are not completeness.
  if (claim.contradiction) [C, K] = claim.misconception ? [Math.min(C, 1), Math.min(K, 1)] : [0, 0];
  else if (claim.right && !key.misconception) C = Math.max(C, claim.complete ? 3 : 2);
  // Two independent right claims the code confirms are a complete answer, in whatever words.
  if (claim.right && claim.complete && !claim.contradiction && size >= 8) K = Math.max(K, 2);
  let G = gradeGrounding(gt.weight);
  let A = solo;
  if (nothingLeft || evasive || offTopic) [C, K, G, A] = [0, 0, Math.min(G, 1), Math.min(A, evasive ? 1 : 0)];
  // A list of terms is not an answer even when the right class is in it.
  if (dump) [C, A] = [Math.min(C, 1), Math.min(A, 1)];
  // Offering alternatives is not an answer, whatever else the check found.
  if (a.reading.explicitHedge) C = Math.min(C, 1);
  const rubric = { correctness: C, grounding: G, abstraction: A, completeness: K };
  let score = scoreOf(rubric);
  for (const f of flags) if (CAPS[f] !== undefined) score = Math.min(score, CAPS[f]);
  const plain = !nothingLeft && !evasive && !offTopic && !dump && !injected && !claim.contradiction;
  if (plain && C >= 2) score = Math.max(score, RIGHT_FLOOR);
  // A committed claim the checks could neither confirm nor refute: no credit for correctness, a middle grade, a person decides.
  const unverified = plain && C === 0 && !classHedge && !key.misconception && words(clean).length >= 5 && !(classKeyed && a.reading.current.length)
    && (gt.weight >= 1 || CODE_REFERENCE.test(a.t));
  if (unverified) {
    flags.push('not_verified');
    score = Math.min(UNVERIFIED[1], Math.max(UNVERIFIED[0], score));
  }
  score = Math.max(0, Math.min(100, Math.round(score)));

  const missing = [...(C < 3 && key.focus ? [key.focus] : []), ...(K < 3 || C < 3 ? cov.missing : [])].slice(0, 6);
  const groundExamples = [...gt.ids.filter((i) => i.length > 1), ...gt.lines.map((l) => `line ${l}`), ...gt.ids.filter((i) => i.length === 1)];
  const lead = nothingLeft ? 'The answer only addresses the grader, not the question.'
    : evasive ? 'Does not answer: no commitment and nothing concrete about the code.'
      : offTopic ? 'Does not address the question.'
        : dump ? 'A list of terms, not a claim about the code.'
          : claim.contradiction ? `Contradicts the code: ${claim.contradiction}`
            : unverified ? `Not verified: the answer's claim could not be checked against the code automatically (${key.verdict.replace(/\.$/, '')}). A person should read it.`
              : claim.right && key.score < 2 ? `Right: it ${claim.right}.` : key.verdict;
  const parts = [lead];
  if (!nothingLeft && !evasive && !offTopic) parts.push(qualitySentence(G, K, cov.missing, groundExamples));
  if (key.misconception && !lead.includes(key.misconception)) parts.push(key.misconception);
  if (injected) parts.push('Part of the answer tries to instruct the grader; it was flagged, ignored and the score capped.');
  if (input.topic === 'testing' && !nothingLeft && !evasive && !dump) parts.push('The expected results it states were not checked against the code.');
  const hedgedClasses = classHedge ? [...new Set([...a.reading.current, ...a.reading.improved])] : [];
  // Partial or vague answers get a narrower question instead of a fail (a right but ungrounded one is
  // asked to point at the code); a clearly wrong one is graded as it stands.
  const partial = C >= 2 && (score < 80 || G === 0 || K < 2);
  const wantsFollowUp = !injected && !offTopic && !nothingLeft && (partial || classHedge || evasive || dump);
  return {
    score,
    rubric,
    rationale: clip(parts.join(' '), 2000),
    flags,
    missing: missing.map((m) => clip(m, 200)),
    commitment: commitmentOf(clean, classHedge, cov.hit.length),
    ...(wantsFollowUp ? { followUp: followUpOf(e, key, hedgedClasses, G, cov.missing) } : {}),
  };
}

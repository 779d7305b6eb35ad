// What an answer shows apart from correctness: grounding in the candidate's own code, SOLO level,
// concept coverage (counted only where the answer talks about the code or gives a reason, capped
// per sentence), and the flags: keyword dump, evasive, off topic, injection; plus commitment.
import { findClasses } from './complexity.ts';
import type { Concept } from './expected.ts';
import {
  CODE_REFERENCE, EVASIVE, HEDGES, looksLikeInjection, NARRATION, PROGRAMMING, REASON, RELATIONAL, RESULT_VERBS, STOPWORDS, TECH_TERMS,
} from './lexicon.ts';
import { countTerms, hasAny, hasIdentifier, hasTerm, lineRefs, Lines, norm, quotedCode, sentences, words } from './text.ts';

const KEYWORDS = new Set(`def return for in if else elif while function func const let var int long float double bool boolean char
string String auto void static public private protected class new this self None null nil true false True False import from package
range len enumerate set dict list map max min sum print append add push pop get put has includes contains size length vector
std size_t Integer Math floor ceil HashMap HashSet ArrayList List Map Set make try except catch finally throw throws raise defer
panic recover go type struct interface async await of and or not is lambda yield break continue switch case default unordered_map
unordered_set begin end find count insert erase emplace_back push_back fmt Println err`.split(/\s+/));

/** What the answer may point at: the code's own identifiers, line numbers and literals. */
export interface Ground {
  identifiers: string[];
  literals: string[];
  lineCount: number;
  span: [number, number];
  code: string;
}

export function groundOf(code: string, fnName: string | undefined, span: [number, number] | undefined): Ground {
  const lines = new Lines(code);
  const s: [number, number] = span && span[0] >= 1 ? span : [1, Math.max(1, lines.count)];
  const body = lines.range(s[0], s[1]).join('\n');
  const ids = new Set<string>();
  // A variable is written on its own: not after a dot (a method) and not before "(" (a call).
  for (const m of body.matchAll(/(?<![\w.$])([A-Za-z_$][\w$]*)(?![\w$])(?!\s*\()/g)) {
    const id = m[1];
    if (!KEYWORDS.has(id) && !/^[A-Z]/.test(id)) ids.add(id);
  }
  if (fnName) ids.add(fnName);
  const literals = [...new Set([...body.matchAll(/(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.])/g)].map((m) => m[1]))];
  return { identifiers: [...ids], literals, lineCount: lines.count, span: s, code };
}

/** Grounding tokens in a piece of answer text: distinct identifiers, valid line refs, literals, quoted code. */
export function groundTokens(text: string, g: Ground): { ids: string[]; lines: number[]; literals: string[]; quoted: number; weight: number } {
  // Complexity notation is not grounding even when the parameter is called n.
  const plain = text.replace(/O\([^)]{0,20}\)|\bn\s*(\^|\*\*)\s*\d|n\u00b2|\blog\s*n\b|\b2\s*\^\s*n\b/gi, ' ');
  // A one-letter name that is also an English word grounds only when written as code: "a" in backticks,
  // subscripted, assigned or beside an operator, not as the article; "i" in lower case, not the pronoun "I".
  const asCode = (id: string) => {
    if (id === 'i') return /(?<![\w'])i(?![\w'])/.test(plain);
    if (id !== 'a') return true;
    return new RegExp(`\`[^\`]*(?<!\\w)a(?!\\w)[^\`]*\`|(?<![\\w'])a\\s*(?:\\[|\\(|[-+*/%<>!=]=?|\\.\\w|\\+\\+|--)|[-+*/%<>=\\[(]\\s*a(?![\\w'])`).test(plain);
  };
  const ids = g.identifiers.filter((id) => hasIdentifier(plain, id) && asCode(id));
  const lines = lineRefs(plain).filter((l) => l >= 1 && l <= g.lineCount);
  const noLines = plain.replace(/\blines?\s*#?\s*\d+((\s*(-|to|and|&|,|or)\s*\d+)*)/gi, ' ');
  const literals = g.literals.filter((l) => new RegExp(`(?<![\\w.])${l.replace(/[.-]/g, '\\$&')}(?![\\w.])`).test(noLines));
  const flat = g.code.replace(/\s+/g, '');
  const quoted = quotedCode(text).filter((q) => q.length >= 2 && flat.includes(q.replace(/\s+/g, ''))).length;
  const weight = ids.reduce((w, id) => w + (id.length === 1 ? 0.5 : 1), 0) + lines.length * 1.5 + Math.min(literals.length, 2) * 0.5 + quoted;
  return { ids, lines, literals, quoted, weight };
}

export function gradeGrounding(weight: number): number {
  return weight <= 0 ? 0 : weight < 1.5 ? 1 : weight < 3 ? 2 : 3;
}

/** SOLO level 0–3 (Lister et al.): restating, one fact, narration, relational summary. */
export function soloLevel(answer: string, question: string): number {
  const t = norm(answer);
  const ws = words(answer).filter((w) => !STOPWORDS.has(w));
  if (ws.length === 0) return 0;
  const q = new Set(words(question));
  const fresh = ws.filter((w) => !q.has(w));
  if (ws.length >= 4 && fresh.length < 2) return 0;
  const sents = sentences(answer);
  const narration = countTerms(t, NARRATION) + Math.max(0, lineRefs(answer).length - 2);
  const relational = countTerms(t, RELATIONAL);
  const summary = hasAny(t, RESULT_VERBS) && narration < 2;
  if ((relational >= 1 || summary) && ws.length >= 5 && (narration < 3 || relational >= 2)) return 3;
  if (sents.length >= 2 || narration >= 2 || ws.length >= 8) return 2;
  return 1;
}

/** Sentence that is mostly a list of technical terms with hardly a function word. */
export function isDumpSentence(sentence: string, g: Ground, extraTerms: Set<string>): boolean {
  // Complexity notation is read on its own: "maybe O(n) or O(n^2)" is a hedge, not a list of terms.
  let bare = norm(sentence);
  for (const m of findClasses(sentence)) bare = bare.slice(0, m.start) + ' '.repeat(m.end - m.start) + bare.slice(m.end);
  const ws = words(bare);
  if (ws.length < 5) return false;
  const stop = ws.filter((w) => STOPWORDS.has(w)).length;
  const tech = ws.filter((w) => TECH_TERMS.includes(w) || extraTerms.has(w)).length;
  const t = norm(sentence);
  const reasons = ['because', 'since', 'so that', 'which means', 'therefore'].some((r) => hasTerm(t, r));
  const grounded = groundTokens(sentence, g).ids.filter((id) => id.length > 1).length > 0;
  const commaList = sentence.split(',').length >= 5 && sentence.split(',').every((p) => p.trim().split(/\s+/).length <= 3);
  return !reasons && !grounded && ((stop / ws.length < 0.2 && tech / ws.length >= 0.5) || commaList);
}

export interface Coverage {
  hit: string[];
  missing: string[];
  dumpShare: number;
  qualifying: number;
}

const PER_SENTENCE_CAP = 2;

/** Rubric concepts found in sentences that talk about the code or give a reason; at most two per sentence. */
export function coverage(answer: string, concepts: Concept[], g: Ground): Coverage {
  const sents = sentences(answer);
  const extra = new Set(concepts.flatMap((c) => [c.name, ...c.synonyms]).flatMap((x) => words(x)));
  const hit = new Set<string>();
  let dumpWords = 0;
  let qualifying = 0;
  for (const s of sents) {
    const t = norm(s);
    if (isDumpSentence(s, g, extra)) {
      dumpWords += words(s).length;
      continue;
    }
    const grounded = groundTokens(s, g).weight > 0;
    if (!(grounded || hasAny(t, REASON) || CODE_REFERENCE.test(t))) continue;
    qualifying++;
    let n = 0;
    for (const c of concepts) {
      if (n >= PER_SENTENCE_CAP) break;
      if (hit.has(c.name)) continue;
      if ([c.name, ...c.synonyms].some((term) => hasTerm(t, term))) {
        hit.add(c.name);
        n++;
      }
    }
  }
  const total = words(answer).length || 1;
  return { hit: [...hit], missing: concepts.filter((c) => !hit.has(c.name)).map((c) => c.name), dumpShare: dumpWords / total, qualifying };
}

export function gradeCompleteness(hits: number, need: number): number {
  if (need <= 0) return hits > 0 ? 3 : 0;
  return Math.min(3, Math.round((3 * Math.min(hits, need)) / need));
}

/** Sentences that address the grader; the rest of the answer is still read. */
export function splitInjection(answer: string): { clean: string; injected: boolean } {
  const sents = sentences(answer);
  const bad = sents.filter(looksLikeInjection);
  if (!bad.length && !looksLikeInjection(answer)) return { clean: answer, injected: false };
  return { clean: sents.filter((s) => !looksLikeInjection(s)).join(' '), injected: true };
}

/** "I don't know", "it depends" with nothing concrete around it. */
export function isEvasive(answer: string, groundWeight: number, keyScore: number): boolean {
  const t = norm(answer);
  const content = words(answer).filter((w) => !STOPWORDS.has(w));
  const classes = findClasses(answer).length;
  // "Any line could raise it, it depends on what config is": one name does not make the dodge concrete.
  if (/\bany (?:line|of them|statement|call)\b|\bdepends on what\b|\bcould be anything\b/.test(t)) return classes === 0 && groundWeight <= 1 && lineRefs(answer).length === 0 && content.length < 10 && keyScore < 2;
  if (EVASIVE.some((re) => re.test(t))) return classes === 0 && groundWeight < 1 && content.length < 10 && keyScore < 2;
  // A two-word reply is evasive only if it is also wrong: "It crashes." is a partial answer.
  return content.length <= 2 && classes === 0 && groundWeight === 0 && keyScore === 0;
}

// Words that carry no claim of their own in a reply about a variable or a call.
const FILLER = new Set(['used', 'use', 'uses', 'compute', 'computes', 'computing', 'calculate', 'get', 'gets', 'find', 'finds', 'hold', 'holds', 'holding', 'store', 'stores',
  'keep', 'keeps', 'answer', 'result', 'results', 'variable', 'value', 'best', 'eventually', 'reach', 'reaches', 'return', 'returns', 'returned', 'work', 'works', 'thing', 'things',
  'stuff', 'needed', 'need', 'job', 'purpose', 'main', 'final', 'output',
  'stack', 'queue', 'deque', 'list', 'map', 'dict', 'set', 'heap', 'array', 'counter', 'recursion', 'recursive', 'call', 'loop', 'helper', 'pointer']);
// The dodge itself: naming what kind of thing it is, or what it is for in the vaguest terms.
const KIND_DODGE = /\b(?:it'?s|it is|this is)\s+(?:a|an|the|just)\s+(?:\w+\s+)?(?:stack|queue|deque|list|map|dict|set|heap|array|variable|counter|recursion|recursive call|loop|helper|pointer)\b|\bit'?s recursion\b|\bthe (?:best )?answer\b|\bused (?:to|for)\b|\beventually\b/;

/**
 * "It's a stack, it's used to compute the span", "It's the result variable, it holds the best answer":
 * the kind of thing and the question's own words, nothing the question did not already say.
 */
export function restatesQuestion(answer: string, question: string): boolean {
  const t = norm(answer);
  if (!KIND_DODGE.test(t)) return false;
  const asked = new Set(words(question.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ')));
  const stem = (w: string) => w.replace(/(?:'s|s)$/, '');
  // "evaluation" for evalPostfix: a word that extends one of the question's (4+ letters) adds nothing.
  const fresh = words(answer).filter((w) => !STOPWORDS.has(w) && !FILLER.has(w) && !asked.has(w) && !asked.has(stem(w)) && ![...asked].some((q) => stem(q) === stem(w) || (q.length >= 4 && w.startsWith(q))));
  return fresh.filter((w) => !/^(it's|its|a|an|the|so|and|it)$/.test(w)).length === 0;
}

/** Leans on a name or a convention instead of reasoning: "the standard prev pointer", "a well-known property", "it's proven". */
export function appealsToConvention(t: string): boolean {
  return /\b(?:the standard|a standard|the usual|as usual|the classic|a classic|well[- ]known|textbook|always use|everyone uses|it'?s proven|is proven|proven to|by definition|that'?s just how)\b/.test(t)
    && words(t).length < 25;
}

/** Says nothing about programs at all. */
export function isOffTopic(answer: string, groundWeight: number, conceptHits: number, keyScore: number): boolean {
  const t = norm(answer);
  return keyScore === 0 && words(answer).length >= 4 && groundWeight === 0 && conceptHits === 0 && findClasses(answer).length === 0 && !hasAny(t, PROGRAMMING);
}

export function commitmentOf(answer: string, classHedge: boolean, conceptHits: number): 'committed' | 'hedged' | 'rambling' {
  const t = norm(answer);
  const n = words(answer).length;
  const hedges = countTerms(t, HEDGES);
  if (classHedge || hedges >= 2 || (hedges >= 1 && n < 30)) return 'hedged';
  const sents = sentences(answer).map(norm);
  const repeats = sents.length - new Set(sents).size;
  if (n > 160 || (n > 90 && conceptHits <= 1) || repeats >= 2) return 'rambling';
  return 'committed';
}

/**
 * How far the answer explains beyond its first claim (0–3): clauses of four or more words that give a
 * reason or describe what the code does ("each cell is visited once", "so b keeps decreasing"). A
 * reason in the candidate's own words counts as much as the rubric's vocabulary for it.
 */
export function explanationDepth(answer: string): number {
  const clauses = norm(answer).split(/[.;:!?()]\s|[.;:!?]$|,\s*|\s(?=because\b|since\b|so\b|which\b|whereas\b|but\b|and then\b|otherwise\b)/)
    .map((c) => c.trim()).filter((c) => words(c).filter((w) => !STOPWORDS.has(w)).length >= 3);
  const explaining = clauses.filter((c) => hasAny(c, REASON) || /\b(each|every|once|twice|at most|at least|times|per|always|never|until|when|then|whereas|only)\b/.test(c)).length;
  return Math.min(3, explaining + (clauses.length >= 3 ? 1 : 0));
}

// Reading complexity talk. People write the same class many ways (O(n log n), n*log(n),
// "linearithmic"; O(n^2), n², "quadratic", "n squared"), and an answer may legitimately name
// several classes: a per-lookup cost and a total, or a change "from O(n^2) to O(n)". Two classes
// with no such relation between them ("maybe O(n) or O(n^2)") is a hedge, not an answer.
import { HEDGES } from './lexicon.ts';
import { hasAny, norm } from './text.ts';

// 'O(n^2 log n)' and 'O(sqrt n)' come last so the indices of the others stay what the question templates expect.
export const CLASSES = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)', 'O(n^2 log n)', 'O(sqrt n)'] as const;
export type Cls = (typeof CLASSES)[number];

export const CLASS_WORDS: Record<Cls, string> = {
  'O(1)': 'constant', 'O(log n)': 'logarithmic', 'O(n)': 'linear', 'O(n log n)': 'linearithmic',
  'O(n^2)': 'quadratic', 'O(n^3)': 'cubic', 'O(2^n)': 'exponential', 'O(n^2 log n)': 'n squared log n', 'O(sqrt n)': 'square root',
};

const ORDER: Cls[] = ['O(1)', 'O(log n)', 'O(sqrt n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^2 log n)', 'O(n^3)', 'O(2^n)'];
export const rank = (c: Cls): number => ORDER.indexOf(c);

// Order matters: longer forms first, and each match is blanked out so "n log n" is not also read as
// "log n", nor "n^2" as "n".
const PATTERNS: [RegExp, Cls][] = [
  [/o\(\s*(?:sqrt|√)\s*\(?\s*n\s*\)?\s*\)|o\(\s*n\s*\^\s*(?:\(\s*1\s*\/\s*2\s*\)|0?\.5)\s*\)|\bsqrt\s*\(?\s*n\b\)?|√\s*\(?n\b\)?|\bsquare root of n\b|\b(?:the )?square root\b(?!\s+of\s+(?!n\b)\w)/g, 'O(sqrt n)'],
  [/o\(\s*(?:2|1\.6\d*|phi)\s*\^\s*n\s*\)|\b(?:2|1\.6\d*)\s*\^\s*n\b|\bexponential(?:ly)?\b|\b2 to the (?:power of )?n\b/g, 'O(2^n)'],
  [/o\(\s*n\s*\^\s*2\s*\*?\s*(?:log|lg)\s*\(?\s*n\s*\)?\s*\)|\bn\s*\^\s*2\s*\*?\s*(?:log|lg)\s*\(?n\)?/g, 'O(n^2 log n)'],
  [/o\(\s*n\s*\^\s*3\s*\)|\bn\s*\^\s*3\b|\bcubic\b|\bn cubed\b/g, 'O(n^3)'],
  [/o\(\s*n\s*\*?\s*(?:log|lg)\s*\(?\s*n\s*\)?\s*\)|\bn\s*\*?\s*(?:log|lg)\s*\(?\s*n\s*\)?|\blinearithmic\b|\blog[- ]?linear\b/g, 'O(n log n)'],
  [/o\(\s*n\s*(?:\^\s*2|\*\s*n|2)\s*\)|\bn\s*\(\s*n\s*[-+]\s*1\s*\)(?:\s*\/\s*2)?|\bn\s*\^\s*2(?:\s*\/\s*2)?(?![\d])|\bn\s*\*\s*n\b|\bquadratic(?:ally)?\b|\bn squared\b|\bsquare of n\b/g, 'O(n^2)'],
  [/o\(\s*(?:log|lg)\s*\(?\s*n\s*\)?\s*\)|\blogarithmic(?:ally)?\b|\blog\s*\(?n\)?(?![a-z])/g, 'O(log n)'],
  [/o\(\s*(?:\d+\s*\*?\s*)?n(?:\s*\+\s*(?:\d+|m))?\s*\)|\blinear(?:ly)?\b(?!ithmic)|\blinear[- ]time\b/g, 'O(n)'],
  [/o\(\s*1\s*\)|\bconstant(?:[- ]time)?\b(?!\s*(?:factors?|terms?|multipliers?|overhead))/g, 'O(1)'],
];

/** The class named by a key value such as 'O(n^2)' or 'quadratic'; null when it is none we know. */
export function toCls(value: unknown): Cls | null {
  if (typeof value !== 'string') return null;
  const found = findClasses(value);
  return found.length ? found[0].cls : null;
}

export type MentionRole = 'plain' | 'unit' | 'from' | 'to' | 'negated' | 'best';

export interface Mention {
  cls: Cls;
  start: number;
  end: number;
  role: MentionRole;
}

/** Every class mention in order, with its position in the normalised text. */
export function findClasses(text: string): Mention[] {
  let rest = norm(text);
  const out: Mention[] = [];
  for (const [re, cls] of PATTERNS) {
    rest = rest.replace(re, (m: string, ...args: unknown[]) => {
      const offset = args.find((a): a is number => typeof a === 'number') ?? 0;
      out.push({ cls, start: offset, end: offset + m.length, role: 'plain' });
      return ' '.repeat(m.length);
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

// A cost of one operation, not of the whole function: "O(n) per lookup", "each check is O(1)".
// No comma: "O(n^2), every cell is …" starts a new clause; "O(n) per lookup" does not.
const UNIT_AFTER = /^[\s)`'"]*(?:time\s+|work\s+|cost\s+)?(?:on average\b|average\b|amorti[sz]ed\s+per\b|per\b|for each\b|for every\b|each\b|every\b|on every\b|on each\b|lookups?\b|look-ups?\b|scans?\b|search(?:es)?\b|checks?\b|membership\b|operations?\b|calls?\b|access(?:es)?\b|inserts?\b|insertions?\b|to (?:check|scan|find|search|look|insert))/;
const UNIT_BEFORE = /(?:each|every|per|one|a single|single|the|that|this)\s+(?:check|lookup|look-up|call|scan|membership test|membership check|test|operation|insert|insertion|access|search|in-check|contains|includes)\s*(?:is|costs?|takes|=|:|of)?\s*(?:an?\s+)?$|(?:lookups?|look-ups?|checks?|scans?|membership|contains|includes)\s+(?:is|are|costs?|takes|become|becomes)\s+(?:an?\s+|only\s+)?$|`[^`]{1,60}`\s*(?:is|costs?|takes|becomes|makes|an?)?\s*$|\b(?:makes|making)\s+`[^`]{1,60}`\s*$/;
// "each push is O(log n)": a named operation's cost; but "every element is O(n)" is about the whole.
const UNIT_EACH = /\b(?:each|every|per|one|a single|single)\s+(?!(?:pairs?|elements?|items?|numbers?|values?|entr(?:y|ies)|words?)\b)[\w.()`[\]-]+(?:\s+(?!is\b)[\w.()`[\]-]+)?\s+(?:is|costs?|takes|=)\s+(?:only\s+|an?\s+|just\s+)?$/;
// "the best case is O(1)": a side remark, not the answer (but the misconception when it is all there is).
const BEST_BEFORE = /\b(?:best[- ]case|at best|in the best|best scenario|if the first|when the first|if it finds it immediately)([^.]{0,25})$/;
const BEST_AFTER = /^[\s,)]*(?:in the\s+|for the\s+)?(?:best[- ]case|at best|in the best|if the first|when the first)/;
const isBest = (before: string): boolean => {
  const m = BEST_BEFORE.exec(before);
  return !!m && !/\b(worst|but|however|average|overall|otherwise|whereas)\b/.test(m[1] ?? '');
};
// "rather than X" rejects X; "instead of X" names where a change starts (see mark()).
const NEGATED_BEFORE = /(?:\bnot|n't|\bno longer|\brather than|\bnever|\bnot just|\bnot only|\bwas)\s+(?:just\s+|really\s+|simply\s+|an?\s+|the\s+)?$/;

export interface ComplexityReading {
  mentions: Mention[];
  /** Distinct classes claimed for the code as it is (plain mentions and the start of a change). */
  current: Cls[];
  /** Classes named as where a change leads ("to O(n)", "O(n) with a set"). */
  improved: Cls[];
  /** Classes named as the cost of one operation. */
  unit: Cls[];
  /** Classes named for the best case only. */
  best: Cls[];
  /** Two classes offered as alternatives: "O(n) or O(n^2)", "somewhere between", hedge words with two classes. */
  hedged: boolean;
  /** Only the explicit kind: "or", "between", "either", hedge words next to two classes. */
  explicitHedge: boolean;
}

function mark(t: string, mentions: Mention[]): void {
  // Replace mentions by placeholders so relations between them can be read with simple patterns.
  let s = '';
  let at = 0;
  mentions.forEach((m, i) => {
    s += t.slice(at, m.start) + `\u00ab${i}\u00bb`;
    at = m.end;
  });
  s += t.slice(at);
  const set = (i: string, role: MentionRole) => {
    const m = mentions[Number(i)];
    if (m && m.role !== 'negated' && m.role !== 'best') m.role = role;
  };
  for (const r of s.matchAll(/from\s+\u00ab(\d+)\u00bb[^\u00ab]{0,50}?\bto\s+\u00ab(\d+)\u00bb/g)) { set(r[1], 'from'); set(r[2], 'to'); }
  for (const r of s.matchAll(/\u00ab(\d+)\u00bb\s*(?:->|=>|becomes|turns into)\s*\u00ab(\d+)\u00bb/g)) { set(r[1], 'from'); set(r[2], 'to'); }
  for (const r of s.matchAll(/\u00ab(\d+)\u00bb[^\u00ab]{0,60}?\binstead of\s+(?:the\s+)?\u00ab(\d+)\u00bb/g)) { set(r[1], 'to'); set(r[2], 'from'); }
  for (const r of s.matchAll(/\u00ab(\d+)\u00bb[^\u00ab.]{0,80}?\b(?:improv\w*|reduc\w*|bring\w*|brings|down to|drops?|becomes?|get it|gets it|getting|achiev\w*|make it|makes it|would make|would be|could be|can be|turn\w* it|cuts? it|lower\w*)\b[^\u00ab.]{0,30}?\u00ab(\d+)\u00bb/g)) {
    set(r[1], 'from'); set(r[2], 'to');
  }
  for (const r of s.matchAll(/\b(?:was|used to be)\s+\u00ab(\d+)\u00bb[^\u00ab]{0,40}?\bnow\b[^\u00ab]{0,15}\u00ab(\d+)\u00bb/g)) { set(r[1], 'from'); set(r[2], 'to'); }
  for (const r of s.matchAll(/\b(?:with|using|use|by using|switch(?:ing)? to)\s+(?:a|an|the)?\s*(?:hash\s*)?(?:set|map|dict\w*|hash\w*|heap|deque|memo\w*|cache|lookup table|two pointers|sort\w*)\b[^\u00ab.]{0,30}\u00ab(\d+)\u00bb/g)) set(r[1], 'to');
  for (const r of s.matchAll(/\u00ab(\d+)\u00bb\s+instead\b/g)) set(r[1], 'to');
  // A hypothetical: "if it were sorted, two pointers would make it O(n)", "with a set it gets O(n)".
  for (const r of s.matchAll(/\b(?:if|with|using|by using|switching to)\b[^\u00ab.;:]{0,50}\b(?:make|makes|making|would|could|can|gets?|becomes?|brings?|drops?|turns?)\b[^\u00ab.;]{0,15}\u00ab(\d+)\u00bb/g)) set(r[1], 'to');
  // After a first class, one named right after a change of structure is where that change leads:
  // "... O(n^2) overall; making seen a set gives O(n) total".
  for (const r of s.matchAll(/\u00ab(\d+)\u00bb[^]*?\b(?:set|map|dict\w*|hash ?set|hash ?map|hash\w*|deque|heap|memo\w*|cache|instead|switch\w*|replac\w*|convert\w*|the fix|that change)\b[^\u00ab.;]{0,40}?\u00ab(\d+)\u00bb/g)) {
    const a = mentions[Number(r[1])];
    const b = mentions[Number(r[2])];
    if (a && b && a.cls !== b.cls && b.role === 'plain') set(r[2], 'to');
  }
}

// A later sentence that talks about another version ("counting letters instead would make it O(n·m)",
// "with a set it could be O(n)") names where a change leads, not a second class for the code as it is.
const ANOTHER_VERSION = /\b(would|could|instead|(?:another|other|different|alternative|array-based|\w+-based) (?:version|variant|approach|implementation)|can be (?:faster|slower|better)|if i|if we|if you|after the change|switch(?:ing)? to|replac\w+|rewrit\w+|improv\w+|better)\b/;

function improvementSentences(t: string, mentions: Mention[]): void {
  let seenPlain = false;
  let start = 0;
  for (const end of [...t.matchAll(/[.!?;](?=\s|$)|\n/g)].map((m) => (m.index ?? 0) + 1).concat([t.length])) {
    const inside = mentions.filter((m) => m.start >= start && m.start < end);
    if (seenPlain && ANOTHER_VERSION.test(t.slice(start, end))) for (const m of inside) if (m.role === 'plain') m.role = 'to';
    if (inside.some((m) => m.role === 'plain' || m.role === 'from')) seenPlain = true;
    start = end;
  }
}

/** Whether `m` is offered as an alternative to a neighbouring, different class ("O(n) or O(n^2)"). */
function alternative(t: string, mentions: Mention[], m: Mention): boolean {
  const i = mentions.indexOf(m);
  const pair = (a: Mention | undefined, b: Mention | undefined): boolean => {
    if (!a || !b || a.cls === b.cls) return false;
    const between = t.slice(a.end, b.start);
    const lead = t.slice(Math.max(0, a.start - 25), a.start);
    return /^\s*(?:,\s*)?(?:or|\/|or maybe|or perhaps|maybe|possibly|-)\s*$/.test(between) || /\b(between|either)\s*$/.test(lead);
  };
  return pair(mentions[i - 1], m) || pair(m, mentions[i + 1]);
}

export function readComplexity(text: string): ComplexityReading {
  const t = norm(text);
  const mentions = findClasses(text);
  for (const m of mentions) {
    const before = t.slice(Math.max(0, m.start - 40), m.start);
    const after = t.slice(m.end, m.end + 30);
    if (NEGATED_BEFORE.test(before)) m.role = 'negated';
    else if (isBest(before) || BEST_AFTER.test(after)) m.role = 'best';
    else if (UNIT_AFTER.test(after) || UNIT_BEFORE.test(before) || UNIT_EACH.test(before)) m.role = 'unit';
  }
  mark(t, mentions);
  improvementSentences(t, mentions);
  // "O(n^2 / 2), which is basically linear": the restatement is the claim, the first form is dropped.
  for (let i = 0; i + 1 < mentions.length; i++) {
    const [a, b] = [mentions[i], mentions[i + 1]];
    if (a.cls !== b.cls && a.role === 'plain' && /^[^.;]{0,12}\b(?:which is|that's|that is|i\.e\.?|so|meaning)?\s*(?:basically|essentially|effectively|practically|really|in practice)\b[^.;]{0,10}$/.test(t.slice(a.end, b.start))) a.role = 'negated';
  }
  // O(1) beside another class for the whole function is an operation's cost ("checking seen is O(1)"),
  // unless offered as an alternative.
  const plainClasses = new Set(mentions.filter((m) => m.role === 'plain' || m.role === 'from').map((m) => m.cls));
  if (plainClasses.size >= 2 && plainClasses.has('O(1)')) {
    for (const m of mentions) if (m.cls === 'O(1)' && m.role === 'plain' && !alternative(t, mentions, m)) m.role = 'unit';
  }
  const distinct = (roles: MentionRole[]) => [...new Set(mentions.filter((m) => roles.includes(m.role)).map((m) => m.cls))];
  const current = distinct(['plain', 'from']);
  const improved = distinct(['to']);
  const unit = distinct(['unit']);
  const best = distinct(['best']);
  const all = [...new Set(mentions.filter((m) => m.role !== 'negated').map((m) => m.cls))];
  const explicit = mentions.some((m) => alternative(t, mentions, m));
  const hedgeWords = hasAny(t, HEDGES);
  const explicitHedge = explicit || (hedgeWords && all.length >= 2 && improved.length === 0 && current.length >= 2);
  // Several classes with no alternative between them are the parts of one account ("n pushes at
  // O(log k) each, O(n log k) in all; the sort is only O(k log k)"): the total is the largest part.
  const hedged = explicitHedge;
  return { mentions, current, improved, unit, best, hedged, explicitHedge };
}

/** The one class an answer commits to for the code as it is (the largest of its parts), or null (none, or a hedge). */
export function committedClass(r: ComplexityReading): Cls | null {
  if (r.hedged || !r.current.length) return null;
  return r.current.reduce((a, b) => (rank(b) > rank(a) ? b : a));
}

/** Every non-negated class the answer names, whatever its role. */
export function namedClasses(r: ComplexityReading): Cls[] {
  return [...new Set(r.mentions.filter((m) => m.role !== 'negated').map((m) => m.cls))];
}

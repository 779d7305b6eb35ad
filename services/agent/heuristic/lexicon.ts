// Word lists the grader reads answers with (INTERVIEWING.md, "Grading an answer without a model").
// Kept apart from the logic so a reviewer can see, and tune, exactly which words move a grade.
import { norm } from './text.ts';

/** An answer that talks to the grader instead of the interviewer. Checked on the normalised text. */
export const INJECTION: RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.]{0,30}\b(instructions?|rubric|rules|prompt|guidelines|grading|criteria|grader|scoring|system message)\b/,
  /\b(ignore|disregard|forget)\s+(all|everything)\s+(above|before|previous|prior|else)\b/,
  /\b(give|award|assign|grant)\b[^.]{0,20}\b(full marks|full points|full score|full credit|perfect score|maximum score|max score|top marks|highest score|10\s*\/\s*10|100\s*(%|points|marks|\/\s*100|out of 100))/,
  /\b(give|award|assign|grant|rate|score|grade|mark)\s+(me|this|this answer|my answer|the answer)\s+(a\s+|an\s+)?(100|10\/10|perfect|full|maximum|a\+|as correct|strong hire|highly)\b/,
  /\b(give|award|grant)\s+it\s+(full|a perfect|perfect|top|maximum)\b/,
  /\byou are (now |actually )?(a|an|the|my)\s+(ai|grader|assistant|model|evaluator|helpful|language|system|judge|interviewer)\b/,
  /(^|\n|\s)(system|assistant|developer)\s*:/,
  /<\/?\s*(system|instructions?|prompt|rubric)\s*>/,
  /\b(new|updated) instructions\b/,
  /\b(as an ai|language model|the grader should|dear grader|note to (the )?grader|to the evaluator)\b/,
  /["']?score["']?\s*[:=]\s*\d{2,3}\b/,
  /\b(this|my) answer (is|should be) (graded|scored|marked|considered) /,
];

export function looksLikeInjection(sentence: string): boolean {
  const t = norm(sentence);
  return INJECTION.some((re) => re.test(t));
}

/** Non-answers. Only count as evasive when little else is said (see signals.ts). */
export const EVASIVE: RegExp[] = [
  /\bi\s*(do\s*n[o']?t|dont|don't|really don't|have no)\s*(know|idea|clue|remember)\b/,
  /\b(no idea|no clue|not sure|unsure|idk|dunno|no comment|i'?ll pass|pass on this|skip this( one| question)?)\b/,
  /\bit depends\b|\bdepends on\b|\bhard to say\b|\bcan'?t say\b|\bwho knows\b|\bwhatever\b/,
  /\b(same as (before|above)|see (the )?code|it'?s obvious|self[- ]explanatory|read the code)\b/,
  // Deflections: the habit or the question is the answer.
  /\bwhy would (anyone|you|someone|somebody)\b|\b(just|only) an? (temporary|temp|helper|normal|regular) (variable|array|list|value)\b/,
  /\b(that'?s|it'?s) (the|just the) (standard|usual|normal|common) (way|approach|pattern)\b|\bwhat i always (use|do)\b|\bi wouldn'?t worry\b|\b(it'?s )?fine for (the |these |small |normal |most |typical )?(input|inputs|sizes|cases|input sizes)\b|\bgood practice\b|\b(pretty|quite|fairly) obvious\b|\bobvious from the name\b|\bit'?s (a |an |just a |the )?(standard|classic|textbook|well[- ]known|usual) [a-z']+( [a-z']+)?( algorithm| problem)?\b|\bit'?s (just )?the result variable\b|\bnot worth worrying\b|\b(javascript|the) engines? optimi[sz]es?\b|\bhow [a-z ]{0,20} (are|is) usually written\b/,
];

/** Tentative wording, reported as commitment; never subtracted from the score. */
export const HEDGES = [
  'maybe', 'perhaps', 'probably', 'possibly', 'i think', 'i guess', 'i believe', 'not sure', 'might be', 'could be',
  'i suppose', 'kind of', 'sort of', 'roughly speaking', 'if i remember', 'not certain', 'i assume',
];

/** A clause that gives a reason (a concept there counts even without naming the code). */
export const REASON = [
  'because', 'since', 'so that', 'instead of', 'rather than', 'therefore', 'which means', 'that means', 'hence', 'thus',
  'otherwise', 'in order to', 'due to', 'as a result', 'so', 'means', 'which is why', 'that is why', 'leads to',
  'causes', 'per', 'for each', 'for every', 'each time', 'every time', 'whereas', 'unless', 'if',
];

/** Talking about the code without naming it: "the inner loop", "this list", "your function". */
export const CODE_REFERENCE = /\b(the|this|that|your|my|each|every|our|inner|outer|second|first)\s+(inner\s+|outer\s+|nested\s+|for\s+|while\s+)?(loop|loops|function|list|array|map|set|dict|dictionary|hash ?map|vector|slice|index|element|elements|item|items|call|calls|line|lines|value|values|variable|condition|check|recursion|pass|iteration|key|keys|input|string|result|base case|stack|try|catch|branch)\b/;

/** Relational (SOLO) wording: purpose, consequence, the whole rather than the steps. */
export const RELATIONAL = [
  'because', 'so that', 'therefore', 'which means', 'that means', 'hence', 'thus', 'overall', 'in total', 'as a whole',
  'the whole', 'in other words', 'the point', 'purpose', 'in order to', 'to avoid', 'otherwise', 'whereas',
  'dominates', 'instead of', 'rather than', 'so', 'since', 'the result', 'ends up', 'guarantees', 'ensures', 'as long as',
  'every pair', 'at most', 'at least', 'worst case', 'trade-off', 'tradeoff', 'grows',
];

/** Step-by-step narration (multistructural): sequence words and "it sets / it checks" verbs. */
export const NARRATION = [
  'first', 'then', 'next', 'after that', 'afterwards', 'finally', 'and then', 'it sets', 'it checks', 'it loops',
  'it assigns', 'it goes', 'it increments', 'it adds', 'it returns', 'it declares', 'it initializes', 'it initialises',
  'it creates', 'it calls', 'goes to', 'moves to',
];

/** Verbs of outcome a purpose-level summary uses. */
export const RESULT_VERBS = [
  'returns', 'finds', 'computes', 'calculates', 'counts', 'checks whether', 'checks if', 'determines', 'produces',
  'gives', 'builds', 'collects', 'removes', 'filters', 'searches', 'looks up', 'detects', 'sums', 'picks', 'selects',
  'decides', 'parses', 'converts', 'tells',
];

/** Function words: a "sentence" with almost none of them is a list of terms, not an explanation. */
export const STOPWORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', "it's", 'this', 'that', 'these', 'those', 'of',
  'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'and', 'or', 'but', 'so', 'if', 'then', 'than', 'because',
  'which', 'who', 'what', 'when', 'where', 'how', 'why', 'each', 'every', 'all', 'any', 'some', 'one', 'two', 'not', 'no',
  'do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'i', 'we', 'you', 'they', 'he',
  'she', 'my', 'your', 'our', 'their', 'there', 'here', 'about', 'into', 'over', 'after', 'before', 'up', 'down', 'out',
  'only', 'just', 'also', 'more', 'less', 'most', 'once', 'twice', 'times', 'time', 'way', 'get', 'gets', 'make', 'makes',
  'since', 'while', 'until', 'per', 'like', 'same', 'other', 'another', 'again', 'still', 'even', 'too', 'very',
]);

/** Vocabulary of talk about programs in general: an answer with none of it is off topic. */
export const PROGRAMMING = [
  'loop', 'list', 'array', 'element', 'index', 'function', 'return', 'value', 'time', 'memory', 'input', 'call', 'line',
  'variable', 'code', 'complexity', 'set', 'map', 'dict', 'hash', 'key', 'string', 'number', 'integer', 'empty',
  'null', 'none', 'undefined', 'error', 'exception', 'throw', 'raise', 'crash', 'stack', 'recursion', 'recursive',
  'base case', 'pass', 'iteration', 'iterate', 'check', 'condition', 'compare', 'sort', 'search', 'scan', 'lookup',
  'test', 'case', 'negative', 'zero', 'count', 'sum', 'max', 'min', 'pair', 'nested', 'constant', 'linear', 'quadratic',
  'logarithmic', 'exponential', 'space', 'data', 'item', 'node', 'result', 'output', 'bound', 'range', 'size', 'length',
  'duplicate', 'order', 'faster', 'slower', 'efficient', 'performance', 'big o', 'worst', 'best', 'average', 'operation',
  'algorithm', 'structure', 'query', 'cache', 'memo', 'parse', 'file', 'type', 'object', 'reference', 'copy', 'mutate',
];

/** Technical nouns counted when deciding whether a sentence is a dump of keywords. */
export const TECH_TERMS = [
  'complexity', 'quadratic', 'linear', 'logarithmic', 'exponential', 'constant', 'hash', 'hashing', 'hashmap', 'set',
  'map', 'dict', 'dictionary', 'list', 'array', 'loop', 'loops', 'nested', 'recursion', 'recursive', 'stack', 'heap',
  'queue', 'deque', 'memo', 'memoization', 'memoisation', 'cache', 'dp', 'dynamic', 'programming', 'big', 'o', 'n',
  'time', 'space', 'memory', 'lookup', 'membership', 'scan', 'search', 'binary', 'sort', 'sorting', 'pointer',
  'pointers', 'window', 'sliding', 'greedy', 'index', 'indices', 'iteration', 'amortized', 'amortised', 'worst', 'best',
  'average', 'case', 'edge', 'base', 'overflow', 'exception', 'error', 'null', 'empty', 'boundary', 'off', 'one',
  'sentinel', 'invariant', 'tree', 'graph', 'bfs', 'dfs', 'optimal', 'efficient', 'performance', 'lg', 'log',
];

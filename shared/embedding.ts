import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from './config.ts';

// Text → vector, for retrieval from Chroma. The id names the model and its settings, and is part of
// the collection name, so vectors from two different models never share a collection.

export interface Embedder {
  /** e.g. 'local-hash-v1-256'; safe to put in a Chroma collection name */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

// ---------------------------------------------------------------------------------------------
// Local embedder: deterministic, offline feature hashing. Texts that share (stemmed) words or word
// pairs land near each other; complexity notation is normalised so "O(n²)", "n^2" and "quadratic"
// are the same feature.

const STOPWORDS = new Set((
  'a an and are as at be been being but by can could did do does doing for from had has have having he her his how ' +
  'i if in into is it its itself just me more most my no nor not of off on once only or other our out over own same ' +
  'she should so some such than that the their them then there these they this those through to too under until up ' +
  'very was we were what when where which while who whom why will with would you your yours also each any both few ' +
  'here s t d ll m re ve y e g eg ie etc'
).split(/\s+/));

// Words the suffix stripper must leave alone.
const KEEP = new Set(['string', 'thing', 'nothing', 'something', 'anything', 'everything', 'during', 'bring', 'ring',
  'king', 'ceiling', 'red', 'bed', 'need', 'speed', 'seed', 'feed', 'bias', 'this', 'always', 'class', 'access',
  'process', 'address', 'less', 'unless', 'status', 'analysis', 'axis', 'is', 'was', 'has', 'does', 'canvas', 'alias',
  'true', 'false', 'none', 'null', 'else', 'while', 'type', 'node', 'time', 'size', 'case', 'queue', 'range', 'base']);

// Abbreviations common in code, mapped to the word the knowledge base uses.
const ALIASES: Record<string, string> = {
  arr: 'array', lst: 'list', nums: 'numbers', num: 'number', str: 'string', len: 'length', idx: 'index',
  dict: 'dictionary', dicts: 'dictionary', prev: 'previous', cur: 'current', curr: 'current', tmp: 'temporary',
  temp: 'temporary', memo: 'memoize', cnt: 'count', ptr: 'pointer', val: 'value', vals: 'values', res: 'result',
  fib: 'fibonacci', recurse: 'recursion', recursive: 'recursion', recursively: 'recursion', elem: 'element',
  msg: 'message', err: 'error', exc: 'exception', mutex: 'lock',
};

/** A light suffix stripper (plural, -ing, -ed, -ation, -ion, -ive, final e, -ise/-ize), Porter in spirit. */
export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word) || /[^a-z]/.test(word)) return word;
  let w = word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1'); // memoise → memoize
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (KEEP.has(w)) return w;
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // "running" → "runn" → "run"; "stopped" → "stopp" → "stop"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ization') && w.length > 9) w = w.slice(0, -5); // memoization → memoiz
  else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -3); // mutation → mutat
  else if (/[st]ion$/.test(w) && w.length > 6) w = w.slice(0, -3); // recursion → recurs
  else if (w.endsWith('ive') && w.length > 6) w = w.slice(0, -3); // iterative → iterat
  if (w.endsWith('e') && w.length > 4 && !w.endsWith('ee')) w = w.slice(0, -1); // mutate → mutat
  return w;
}

/** Big-O inner text to one canonical form: "n * log(n)" → "nlogn", "n²" → "n^2", "V + E" → "v+e". */
function canonicalClass(inner: string): string {
  return inner
    .toLowerCase()
    .replace(/²/g, '^2').replace(/³/g, '^3')
    .replace(/\*\*/g, '^')
    .replace(/[\s*·×]/g, '')
    .replace(/log\((\w+)\)/g, 'log$1')
    .replace(/log_?2/g, 'log')
    .replace(/\|([ve])\|/g, '$1');
}

// Words and phrases that name a complexity class: each also emits the class token.
const CLASS_WORDS: [RegExp, string][] = [
  [/\blinearithmic\b/g, 'o(nlogn)'],
  [/\bn\s*log\s*n\b/g, 'o(nlogn)'],
  [/\bquadratic\b|\bn\s*squared\b|\bn\s*(?:\^|\*\*)\s*2\b|\bn²/g, 'o(n^2)'],
  [/\bcubic\b/g, 'o(n^3)'],
  [/\blogarithmic\b/g, 'o(logn)'],
  [/\bexponential\b/g, 'o(2^n)'],
  [/\blinear\b/g, 'o(n)'],
  [/\bconstant[- ]time\b|\bconstant space\b/g, 'o(1)'],
];

/** Tokens of a text: words (split on snake_case and camelCase, stemmed) and O(...) classes. */
export function tokenize(text: string): string[] {
  const { tokens, classes } = scan(text);
  return tokens.concat(classes);
}

// Comparison and update operators carry meaning in questions about code ("< to <=", "+= in a loop").
const OPERATORS = ['+=', '-=', '*=', '<=', '>=', '==', '!=', '++'];
const OPERATOR_RE = /\+=|-=|\*=|<=|>=|===?|!==?|\+\+/g;

/** tokens: in text order (bigrams are taken over these); classes: extra tokens implied by class words */
function scan(text: string): { tokens: string[]; classes: string[] } {
  // Protect complexity notation and operators as placeholders made of word characters, so that the
  // class-word patterns below cannot match inside them and the splitter keeps them whole.
  const protectedText = text
    .replace(/(?<!\w)[oOΘθΩω]\(((?:[^()]|\([^()]*\))*)\)/g, (_m, inner: string) => ` __cls_${canonicalClass(inner)}__ `)
    .replace(OPERATOR_RE, (op: string) => ` __op${OPERATORS.indexOf(op.slice(0, 2))}__ `);
  const lower = protectedText.toLowerCase();
  const classes: string[] = [];
  for (const [re, cls] of CLASS_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) classes.push(cls);
  }
  const tokens: string[] = [];
  for (const raw of protectedText.split(/\s+/)) {
    if (!raw) continue;
    const placeholder = /^__(?:cls_(.*)|op(\d+))__$/.exec(raw);
    if (placeholder) {
      tokens.push(placeholder[1] !== undefined ? `o(${placeholder[1]})` : OPERATORS[Number(placeholder[2])]!);
      continue;
    }
    // camelCase / PascalCase boundaries, then snake_case, kebab and punctuation.
    const spaced = raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    const parts = spaced.toLowerCase().split(/[^a-z0-9#]+/).filter(Boolean);
    const whole = raw.toLowerCase().replace(/[^a-z0-9_#]+/g, '').replace(/_/g, '');
    if (parts.length > 1 && whole.length > 2 && !STOPWORDS.has(whole)) tokens.push(whole); // two_sum → twosum too
    for (const part of parts) {
      if (part === '#' || STOPWORDS.has(part)) continue;
      if (/^\d+$/.test(part) && part !== '0' && part !== '1') continue; // line numbers and sizes are noise
      tokens.push(stem(ALIASES[part] ?? part));
    }
  }
  return { tokens, classes };
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const SIGN_SEED = 0x2f1b4c3d;
const BIGRAM_WEIGHT = 0.3;

export function embedLocal(text: string, dim: number): number[] {
  const { tokens, classes } = scan(text);
  const tf = new Map<string, number>();
  const add = (feature: string, w: number) => tf.set(feature, (tf.get(feature) ?? 0) + w);
  for (const t of tokens) add(`u:${t}`, 1);
  for (const c of classes) add(`u:${c}`, 1);
  for (let i = 0; i + 1 < tokens.length; i++) add(`b:${tokens[i]} ${tokens[i + 1]}`, BIGRAM_WEIGHT);
  if (tf.size === 0) add('u:__empty__', 1); // a fixed unit vector rather than zeros, which cosine cannot rank

  const v = new Array<number>(dim).fill(0);
  for (const [feature, count] of tf) {
    const base = feature.startsWith('b:') ? BIGRAM_WEIGHT : 1;
    const weight = base * (1 + Math.log(count / base)); // sublinear tf, per feature kind
    const bucket = fnv1a(feature) % dim;
    const sign = fnv1a(feature, SIGN_SEED) & 1 ? 1 : -1;
    v[bucket] += sign * weight;
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) {
    // every feature cancelled out in its bucket: astronomically unlikely, still return a unit vector
    v[fnv1a('__empty__') % dim] = 1;
    return v;
  }
  return v.map((x) => x / norm);
}

export function createLocalEmbedder(dim = 256): Embedder {
  if (!Number.isInteger(dim) || dim < 8 || dim > 65_536) throw new Error(`local embedder: bad dimensions ${dim}`);
  return {
    id: `local-hash-v1-${dim}`,
    dimensions: dim,
    async embed(texts: string[]): Promise<number[][]> {
      return texts.map((t) => embedLocal(t, dim));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// OpenAI (or any OpenAI-compatible server) through LangChain.

const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export function createOpenAIEmbedder(opts: {
  apiKey: string;
  baseURL?: string;
  model?: string;
  /** only text-embedding-3 and later can shorten their vectors */
  dimensions?: number;
}): Embedder {
  const model = opts.model || 'text-embedding-3-small';
  const dimensions = opts.dimensions ?? KNOWN_DIMENSIONS[model] ?? 0;
  const client = new OpenAIEmbeddings({
    apiKey: opts.apiKey,
    model,
    ...(opts.dimensions ? { dimensions: opts.dimensions } : {}),
    ...(opts.baseURL ? { configuration: { baseURL: opts.baseURL } } : {}),
  });
  const slug = model.replace(/[^a-zA-Z0-9._-]+/g, '-');
  return {
    id: `openai-${slug}${opts.dimensions ? `-${opts.dimensions}` : ''}`,
    dimensions,
    async embed(texts: string[]): Promise<number[][]> {
      if (texts.length === 0) return [];
      return client.embedDocuments(texts);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Which embedder a process uses. The loader and the agent must agree (the id picks the collection),
// so both go through this one function.

export interface EmbedderChoice {
  embedder: Embedder;
  /** one line for the log: what was chosen and why */
  reason: string;
}

/**
 * provider 'openai' together with an API key selects OpenAI embeddings (model default
 * text-embedding-3-small, through baseURL if set); anything else the local one. `dimensions`
 * (EMBEDDING_DIMENSIONS) sets the local vector size (default 256) or shortens OpenAI vectors.
 */
export function chooseEmbedder(opts: {
  provider?: string;
  apiKey?: string;
  baseURL?: string;
  model?: string;
  dimensions?: string | number;
}): EmbedderChoice {
  const provider = (opts.provider ?? '').trim().toLowerCase() || 'local';
  if (provider !== 'local' && provider !== 'openai') throw new Error(`EMBEDDING_PROVIDER must be local or openai, not ${opts.provider}`);
  const rawDims = opts.dimensions === undefined || opts.dimensions === '' ? undefined : Number(opts.dimensions);
  if (rawDims !== undefined && (!Number.isInteger(rawDims) || rawDims < 8)) throw new Error(`EMBEDDING_DIMENSIONS must be an integer >= 8, not ${opts.dimensions}`);
  if (provider === 'openai' && opts.apiKey) {
    const embedder = createOpenAIEmbedder({ apiKey: opts.apiKey, baseURL: opts.baseURL || undefined, model: opts.model || undefined, dimensions: rawDims });
    return { embedder, reason: `EMBEDDING_PROVIDER=openai: ${embedder.id}` };
  }
  const embedder = createLocalEmbedder(rawDims ?? 256);
  const why = provider === 'openai' ? 'EMBEDDING_PROVIDER=openai but no OPENAI_API_KEY, using the local embedder' : 'local embedder';
  return { embedder, reason: `${why}: ${embedder.id}` };
}

/** The embedder configured for this process: shared by kb:load and the agent so both pick one collection. */
export function embedderFromConfig(
  config: Pick<Config, 'EMBEDDING_PROVIDER' | 'EMBEDDING_MODEL' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>,
  env: NodeJS.ProcessEnv = process.env,
): EmbedderChoice {
  return chooseEmbedder({
    provider: config.EMBEDDING_PROVIDER,
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.EMBEDDING_MODEL,
    dimensions: env.EMBEDDING_DIMENSIONS,
  });
}

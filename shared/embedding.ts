import { OpenAIEmbeddings } from '@langchain/openai';

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
  'here than s t d ll m re ve y e g eg ie etc'
).split(/\s+/));

// Words the suffix stripper must leave alone.
const KEEP = new Set(['string', 'thing', 'nothing', 'something', 'anything', 'everything', 'during', 'bring', 'ring',
  'king', 'ceiling', 'red', 'bed', 'need', 'speed', 'seed', 'feed', 'bias', 'this', 'always', 'class', 'access',
  'process', 'address', 'less', 'unless', 'status', 'analysis', 'axis', 'is', 'was', 'has', 'does', 'canvas', 'alias']);

/** A light suffix stripper: plural, -ing, -ed. Good enough to join "loops"/"loop", "sorted"/"sort". */
export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word) || /[^a-z]/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (KEEP.has(w)) return w;
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // "running" → "runn" → "run"; "stopped" → "stopp" → "stop"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) && w.length > 3) w = w.slice(0, -1);
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

/** tokens: in text order (bigrams are taken over these); classes: extra tokens implied by class words */
function scan(text: string): { tokens: string[]; classes: string[] } {
  const out: string[] = [];
  // Complexity notation first, so its parentheses and operators survive as one token.
  let rest = text.replace(/(?<!\w)[oOΘθΩω]\(((?:[^()]|\([^()]*\))*)\)/g, (_m, inner: string) => ` __cls_${canonicalClass(inner)}__ `);
  const lower = rest.toLowerCase();
  const extra: string[] = [];
  for (const [re, cls] of CLASS_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) extra.push(cls);
  }
  rest = rest.replace(/__cls_(.*?)__/g, (_m, cls: string) => ` \u0001o(${cls})\u0001 `);
  for (const raw of rest.split(/\s+/)) {
    if (!raw) continue;
    if (raw.startsWith('\u0001')) {
      out.push(raw.replace(/\u0001/g, ''));
      continue;
    }
    // camelCase / PascalCase boundaries, then snake_case, kebab and punctuation.
    const spaced = raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    const parts = spaced.toLowerCase().split(/[^a-z0-9+#]+/).filter(Boolean);
    const whole = raw.toLowerCase().replace(/[^a-z0-9_+#]+/g, '');
    if (parts.length > 1 && whole.length > 2 && !STOPWORDS.has(whole)) out.push(whole.replace(/_/g, ''));
    for (const w of parts) {
      if (/^[+#]+$/.test(w) || STOPWORDS.has(w)) continue;
      out.push(stem(w));
    }
  }
  return { tokens: out, classes: extra };
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
const BIGRAM_WEIGHT = 0.5;

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

// Claims about a recursion: its base case (the condition, not a leaf or a line), its depth (one
// level per step, log2 n when the argument halves, the tree's height for a walk over children; a
// memo cuts the calls, not the depth) and, for a branching recursion, the number of calls.
import { norm } from '../text.ts';
import { NEGATION, says, type ClaimInput, type ClaimResult } from './said.ts';

/**
 * Recursion on a tree's children (node.left, node.right, children): its depth is the tree's height,
 * about log2 n when balanced and up to n for a chain, and it visits each node once.
 */
function treeClaims(i: ClaimInput): ClaimResult | null {
  const { t, facts: f } = i;
  const name = f.fn?.name;
  if (!name || !new RegExp(`\\b${name}\\s*\\(\\s*\\w+\\s*(\\.|->)\\s*(left|right|children|kids|child)\\b`).test(f.body)) return null;
  if (says(t, ['2^', 'exponential', 'exponentially'])) return { contradiction: 'Each node is visited once, so the calls grow with the number of nodes, not exponentially.', misconception: true };
  const fixedDepth = /\balways\b[^.,;]{0,30}\b(\d[\d,]*|n|log n|log2)\b[^.,;]{0,10}\b(deep|levels?)\b|\bone level per node\b|\balways (goes )?log n\b/;
  if (t.split(/[.;:]|,\s|\bbut\b/).some((c) => fixedDepth.test(c) && !NEGATION.test(c))) {
    return { contradiction: 'The depth is the height of the tree: about log2 n when balanced, up to n for a chain; it is not fixed.' };
  }
  if (says(t, ['left and node.right are both null', 'both children are null', 'leaf', 'no children'], [], true) && says(t, ['base case'])) {
    return { contradiction: 'The base case is the empty tree (a null node), not a leaf.' };
  }
  const base = (f.fn?.baseCaseLine !== undefined && new RegExp(`\\bline ${f.fn.baseCaseLine}\\b`).test(t)) || says(t, ['null', 'none', 'nil', 'nullptr', 'empty tree', 'no node']);
  const height = says(t, ['height', 'tall', 'balanced', 'chain', 'skewed', 'degenerate', 'one child', 'log', 'levels of the tree', 'level of the tree']);
  if (base || height) return { right: base && height ? 'names the base case and that the depth is the height' : base ? 'names the base case' : 'says the depth is the height of the tree', complete: base && height };
  return {};
}

export function recursionClaims(i: ClaimInput): ClaimResult {
  const { t, e, facts: f } = i;
  if (f.fn?.baseCaseLine && says(t, ['no base case', 'recurses forever', 'runs forever', 'never stops', 'infinite recursion'])) {
    return { contradiction: `Line ${f.fn.baseCaseLine} is a base case; the recursion does stop.` };
  }
  const tree = treeClaims(i);
  if (tree) return tree;
  if (elementRecursion(f.body, f.fn?.name)) return nestingClaims(t);
  const baseSaid = /\bbase case is\s+(?:when\s+)?([a-z_]\w*)\s*(===|!==|==|=|<=|<|>=|>)\s*(\d+)/.exec(t);
  if (baseSaid && e.baseTerms?.length && !e.baseTerms.some((b) => norm(b).replace(/\s+/g, '') === `${baseSaid[1]}${baseSaid[2]}${baseSaid[3]}`.replace(/=$/, '==')) && !e.baseTerms.some((b) => norm(b).replace(/\s+/g, '').startsWith(`${baseSaid[1]}${baseSaid[2]}${baseSaid[3]}`))) {
    return { contradiction: `The base case is \`${e.baseTerms[0]}\`, not ${baseSaid[1]} ${baseSaid[2]} ${baseSaid[3]}.` };
  }
  // "The base case is line 5" when line 5 is the recursive call.
  const baseLineSaid = /\bbase case is (?:on )?line (\d+)/.exec(t);
  if (baseLineSaid && e.baseLine !== undefined && Number(baseLineSaid[1]) !== e.baseLine) return { contradiction: `The base case is on line ${e.baseLine}; line ${baseLineSaid[1]} is not where the recursion stops.` };
  const wrongBase = namedBaseMismatch(t, e.baseTerms ?? [], f.body);
  if (wrongBase) return { contradiction: `The base case is \`${baseConditions(e.baseTerms ?? [])[0] ?? e.baseTerms?.[0]}\`, not ${wrongBase}.` };
  // An answer that also gives the linear (worst-case) depth may add the average case ("about 14 levels on random data").
  const worstToo = e.depthValue !== undefined && (new RegExp(`\\b${e.depthValue.toLocaleString('en-US').replace(/,/g, ',?')}\\b`).test(t.replace(/\blog\w*\s*\([^)]*\)/g, 'log')) || /\bworst\b/.test(t));
  const logDepth = (c: string) => /\b(depth|deep)\b[^.;]{0,30}\blog|\balways\b[^.;]{0,20}\blog2?\s*\(?\s*(n|\d)/.test(c) && !NEGATION.test(c);
  if (e.depth === 'O(n)' && !worstToo && t.split(/[.;]|,\s|\bbut\b/).some(logDepth)) {
    return { contradiction: `Each call can move just one step, so the depth can reach about ${e.depthValue ?? 'n'}, not always logarithmic.` };
  }
  if (e.depth === 'O(n)' && !worstToo) {
    if (says(t, ['log n deep', 'log n levels', 'like a binary search', 'logarithmic depth', 'only goes log'])) return { contradiction: `Each call moves one step, so the depth is about ${e.depthValue ?? 'n'}, not logarithmic.` };
    if (says(t, ['constant stack', 'no depth', 'turns it into a loop', 'tail call optimi', 'no stack'])) return { contradiction: `Each call waits for the next one's result, so ${e.depthValue ?? 'n'} frames are on the stack at once.`, misconception: true };
    // A memo cuts the number of calls, not the depth: the first call still descends all the way before anything is cached.
    if (says(t, ['no real depth', 'couple of frames', 'few frames', 'only a few levels', 'shallow', 'constant depth', 'depth is constant', 'only one frame', 'only 2 frames', 'returns immediately'], [], true)
      && !says(t, ['not shallow', 'first call'])) {
      return { contradiction: `The first call descends one level per step before anything is cached or returned, so the stack is about ${e.depthValue ?? 'n'} frames deep.`, misconception: true };
    }
    const levels = /(?<![\d,.])(\d{1,3})\s+(levels|frames|deep)\b/.exec(t);
    if (levels && e.depthValue && e.depthValue >= 1000 && Number(levels[1]) < e.depthValue / 10) return { contradiction: `The recursion is about ${e.depthValue} deep, not ${levels[1]}.` };
  }
  if (e.depth === 'O(log n)') {
    // A recursion that halves its argument is about log2 n deep, not n.
    const levels = /(?<![\d.])(\d[\d,]*)\s+(levels|frames|calls|deep)\b/.exec(t);
    const big = levels && e.depthValue && Number(levels[1].replace(/,/g, '')) > 10 * e.depthValue;
    if (big || says(t, ['recurses n times', 'linear depth', 'one level per']) || /(?<!\blog2?\s?)(?<!\blog\()\bn\)?\s+(?:frames|levels|deep)\b|\bdepth is n\b(?!\s*\/)/.test(t)) {
      return { contradiction: `Each call halves n, so the recursion is about ${e.depthValue ?? 'log2 n'} deep, not one level per unit of n.`, misconception: true };
    }
  }
  if (e.variant === 'recursion.branching' && /\bmakes (\d+) calls\b|\bone (call )?per number\b/.test(t)) return { contradiction: `Each call branches into two, so the calls number ${e.calls ?? 'exponentially many'}, not one per value.` };
  const base = (e.baseLine !== undefined && new RegExp(`\\bline ${e.baseLine}\\b`).test(t)) || says(t, [...(e.baseTerms ?? []), ...baseConditions(e.baseTerms ?? []), ...smallBaseWords(e.baseTerms ?? [])]);
  const halving = e.depth === 'O(log n)' && says(t, ['halves', 'halved', 'in half', 'half', 'divides by two', 'divided by two', 'log n', 'logarithmic', 'log2']);
  if (base || halving) return { right: base && halving ? 'names the base case and the halving depth' : base ? 'names the base case' : 'says the depth is logarithmic because n halves', complete: base && halving };
  return {};
}


/** The condition of a base case written as `if (cond) return …`: "p == k". */
/** A base case for a size of at most one, in words: "at most one character", "a single element". */
export function smallBaseWords(terms: readonly string[]): string[] {
  return terms.some((b) => /(<=\s*1|<\s*2|==\s*1)\b/.test(b)) ? ['at most one', 'one character', 'single character', 'one element', 'single element', 'length 1', 'length one', 'size 1', 'one item', 'one or zero', 'zero or one', '0 or 1', '1 or 0'] : [];
}

export function baseConditions(terms: readonly string[]): string[] {
  return terms.map((b) => b.replace(/\)\s*return\b.*$/, '').replace(/^\s*\(/, '').trim()).filter((c) => c.length >= 3 && /[=<>!]/.test(c));
}

/**
 * "The base case is when lo equals hi": a condition on code names that the real base case does not
 * read. Returns the named condition, or null when the answer names none or names the right one.
 */
export function namedBaseMismatch(t: string, baseTerms: readonly string[], body: string): string | null {
  const m = /\bbase case is\s+(?:when\s+)?(?:the\s+)?([a-z_]\w*)\s+(?:equals|is equal to|==|===|meets|reaches|passes)\s+(?:the\s+)?([a-z_]\w*)\b/.exec(t);
  if (!m || !baseTerms.length) return null;
  const inCode = (x: string) => new RegExp(`\\b${x}\\b`).test(body);
  const inBase = (x: string) => baseTerms.some((b) => new RegExp(`\\b${x}\\b`).test(norm(b)));
  if (!inCode(m[1]) || !inCode(m[2])) return null;
  return inBase(m[1]) || inBase(m[2]) ? null : `${m[1]} == ${m[2]}`;
}

/**
 * Recursion on an element of the input (`for item in items: … flatten(item)`): one level per level of
 * nesting, not per item. Returns the element's name, or undefined.
 */
export function elementRecursion(body: string, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const loopVars = [...body.matchAll(/\bfor\s+(\w+)\s+in\b|\bfor\s*\(\s*(?:const|let|var|auto&?|final\s+\w+|\w+)\s+(\w+)\s+(?:of|:)|\bfor\s+_?\w*,\s*(\w+)\s*:=\s*range\b/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return loopVars.find((x) => new RegExp(`\\b${name}\\s*\\(\\s*${x}\\s*[,)]`).test(body));
}

/** Claims about a recursion over nesting: its depth is how deeply the input nests, and it stops at non-lists. */
export function nestingClaims(t: string): ClaimResult {
  const nesting = /\bnest(ed|ing)?\b|\bhow deep(ly)? the\b|\blevels? of (lists|nesting)\b/.test(t);
  if (!nesting && (/\b(one|a) (recursive )?call per (item|element)\b|\bdepth is the number of (items|elements)\b|\b(10,?000|n) (calls |frames |levels )?deep\b/.test(t))) {
    return { contradiction: 'Only a nested list recurses: the depth is how deeply the input nests, not how many items it has (a flat list never goes below the first call).', misconception: true };
  }
  const base = says(t, ['not a list', "isn't a list", 'is not a list', 'non-list', 'isinstance', 'no sublists', 'no nested', 'not lists', 'plain value', 'plain item'], [], true);
  if (nesting || base) return { right: nesting && base ? 'names where it stops and that the depth is the nesting depth' : nesting ? 'says the depth is the nesting depth' : 'names where the recursion stops', complete: nesting && base };
  return {};
}

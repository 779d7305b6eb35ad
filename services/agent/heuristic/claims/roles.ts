// What a variable holds, read from how the code writes it, for roles the bracket/count/Kadane
// readers in holds.ts do not cover: a follower of a walk (`prev = curr` while `curr !== null`) ends
// on the last node, never null after a pass; a returned variable ends as the function's result; an
// array written from its own previous entry (`prefix[i + 1] = prefix[i] + nums[i]`) holds running
// totals, entry i being the sum of the first i elements. Naming the variable is not naming its role.
import { hasAny, words } from '../text.ts';
import { returnsVar, type CodeFacts } from './facts.ts';
import { says, type ClaimInput, type ClaimResult } from './said.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of an identifier: reverseList → reverse, list; max_so_far → max, so, far. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 2);
}

/** Role words that are not just the variable's own name ("prev" for prev, "prefix sum" for prefix). */
export function roleWordsBeyondName(terms: readonly string[], variable: string | undefined): string[] {
  if (!variable) return [...terms];
  const own = new Set(nameWords(variable));
  return terms.filter((x) => !words(x).some((w) => own.has(w)));
}

/** The loop walker `v` follows: `prev = curr` inside `while (curr !== null)`. */
function followed(f: CodeFacts, v: string): string | undefined {
  for (const rhs of f.writes.get(v) ?? []) {
    const w = rhs.trim();
    if (/^\w+$/.test(w) && new RegExp(`\\b${esc(w)}\\s*(?:\\.|->)\\s*next\\b`).test(f.body) && f.writes.has(w)
      && new RegExp(`(?:while|for)\\s*\\(?\\s*${esc(w)}\\s*(?:!==?\\s*(?:null|nullptr|nil|undefined)|is not None)?\\s*\\)?\\s*[:{]`).test(f.body)) return w;
  }
  return undefined;
}

/** `a[i + 1] = a[i] + x[i]`: an array built from its own previous entry, with the offset it uses. */
function cumulative(f: CodeFacts, v: string): { shifted: boolean } | undefined {
  const line = f.body.split('\n').find((l) => new RegExp(`\\b${esc(v)}\\s*\\[[^\\]]+\\]\\s*=\\s*${esc(v)}\\s*\\[[^\\]]+\\]\\s*[+*]`).test(l)
    || new RegExp(`\\b${esc(v)}\\s*\\.\\s*(?:push|append|push_back|add)\\s*\\(\\s*${esc(v)}\\s*\\[[^\\]]+\\]\\s*\\+`).test(l));
  if (!line) return undefined;
  return { shifted: new RegExp(`\\b${esc(v)}\\s*\\[\\s*\\w+\\s*\\+\\s*1\\s*\\]\\s*=`).test(line) || /\.(?:push|append|push_back|add)\(/.test(line) };
}

/**
 * `if (count == 0) candidate = x;`: the variable takes the loop's element only under a condition, so it
 * is not "the previous element"; it keeps the one chosen when the condition last held. Returns the condition.
 */
export function conditionalWrite(f: CodeFacts, v: string): string | undefined {
  const loopVars = new Set((f.fn?.loops ?? []).flatMap((l) => (l.variable ?? '').split(/\s*,\s*/)).filter(Boolean));
  const lines = f.body.split('\n');
  for (const [k, line] of lines.entries()) {
    const w = new RegExp(`(?:^|[;{)]\\s*|:\\s*)${esc(v)}\\s*=\\s*(\\w+)\\s*;?\\s*$`).exec(line.trim());
    if (!w || !loopVars.has(w[1])) continue;
    const inline = /^\s*(?:if|elif)\b\s*\(?(.+?)\)?\s*(?::|\{|\))?\s*[A-Za-z_]/.exec(line.trim());
    if (inline && /^\s*(?:if|elif)\b/.test(line)) return inline[1].replace(/\)\s*\w.*$/, '').trim();
    const prev = lines.slice(0, k).reverse().find((l) => l.trim());
    const head = prev && /^\s*(?:if|elif|else if)\b\s*\(?(.+?)\)?\s*(?::|\{)\s*$/.exec(prev);
    if (head) return head[1].trim();
  }
  return undefined;
}

const END_WORDS = ['after the loop', 'at the end', 'ends up', 'ends as', 'finally', 'when the loop', 'once the loop', 'by the end', 'when it finishes', 'when curr', 'falls off', 'is returned', 'gets returned', 'we return', 'returns it', 'returned'];
const COPY_CODE = /\.slice\(|\[\s*\.\.\.|\bcopy\(|\.clone\(|\bnew\s+\w+\s*\(|\blist\(|\.push\(|\.append\(|push_back|\bappend\(|Arrays\.copyOf/;

export function generalRoleClaims(i: ClaimInput): ClaimResult {
  const { t, facts: f, e } = i;
  const v = e.variable;
  if (!v) return {};
  const fnName = f.fn?.name ?? 'the function';
  if (says(t, ['a copy', 'copies', 'copy of', 'duplicate of the list', 'new list', 'new array'], [], true) && !COPY_CODE.test(f.body)) {
    return { contradiction: `${fnName} never copies anything: ${v} ${followed(f, v) ? 'is one node of the original list, whose links are redirected' : 'is computed by the code, not copied'}.`, misconception: true };
  }
  const walker = followed(f, v);
  if (walker) {
    if (new RegExp(`\\b(?:is|holds?|becomes?|ends up|ends as|stays?)\\s+(?:as\\s+)?(?:null|none|nil|nullptr|undefined)\\b[^.]{0,40}\\b(?:end|after|finish)|\\b(?:end|after the loop)[^.]{0,30}\\b(?:is|holds?|becomes?)\\s+(?:null|none|nil|nullptr)\\b`).test(t) && !says(t, ['empty list', 'empty input', 'no nodes', 'if head is null'])) {
      return { contradiction: `${v} is set to ${walker} while ${walker} is not null, so after any pass it holds a node; it is null only for an empty list.` };
    }
    if (says(t, ['original head', 'first node', 'the head of the input', 'first element', 'same as head'])) {
      return { contradiction: `${v} follows ${walker} to the end, so it finishes on the last node of the input (the new head), not the first.` };
    }
  }
  const when = conditionalWrite(f, v);
  if (when && says(t, ['previous element', 'previous value', 'one step behind', 'the one before', 'last element', 'current element', 'the element before', 'trailing'])) {
    return { contradiction: `${v} takes the element only when \`${when}\`, so it keeps the one chosen then, not the previous or current element.` };
  }
  // A strict comparison keeps the first of equal candidates.
  if (when && /(?:^|[^<>=])[<>](?!=)/.test(when) && says(t, ['later word wins', 'later one wins', 'later wins', 'last one wins', 'last wins', 'the last longest', 'the later', 'the last of'])) {
    return { contradiction: `\`${when}\` is strict, so an equal later element never replaces ${v}: ties keep the first.` };
  }
  if (when && says(t, ['the length of', 'its length', 'how long'], [], true) && !says(t, ['word', 'string', 'element', 'item'].map((w) => `the ${w} itself`))) {
    return { contradiction: `${v} is assigned the element itself, not its length.` };
  }
  if (when && says(t, ['number of times', 'how many times', 'how many', 'count of'], [], true)) {
    return { contradiction: `${v} holds an element of the input (it is assigned the loop's element), not a count.` };
  }
  const returned = returnsVar(f, v);
  // The result named by the function's own verb as done: reverseList → "the reversed list" (not "when reversing").
  const done = nameWords(fnName).filter((w) => w.length >= 4).map((w) => w.replace(/e$/, ''));
  const result = ['result', 'answer', 'return value', 'what we return', 'what gets returned',
    ...(/(?:\.|->)next\b/.test(f.body) ? ['new head', 'head of the'] : [])];
  const endSaid = hasAny(t, END_WORDS);
  const resultSaid = hasAny(t, result) || done.some((w) => new RegExp(`\\b${esc(w)}e?d\\b`).test(t));
  const roleSaid = walker && says(t, ['previous', 'behind', 'trails', 'trailing', 'one step back', 'the one before', 'already reversed', 'already been reversed', 'points back', 'redirect']);
  const sums = cumulative(f, v);
  if (sums) {
    const wrongTotal = says(t, ['only the total', 'just the total', 'stay 0', 'stays 0', 'other slots', 'copy of', 'shifted copy', 'shifted by one']);
    if (wrongTotal) return { contradiction: `Every entry of ${v} is written: entry i + 1 is the sum of the first i + 1 elements, not a copy or a single total.` };
    if (sums.shifted && /\b(?:up to and including|including|through)\s+\w+\s*\[\s*i\s*\]/.test(t) && new RegExp(`\\b${esc(v.toLowerCase())}\\s*\\[\\s*i\\s*\\]`).test(t)) {
      return { contradiction: `${v}[i] is the sum of the elements before index i; ${v}[i + 1] is the one that includes element i.`, misconception: true };
    }
    const content = says(t, ['cumulative', 'running total', 'running sum', 'sum of the first', 'sums so far', 'sum up to', 'sum so far', 'total so far', 'partial sum', 'accumulated', 'sum of everything before', 'sum of all elements before', 'running totals']);
    const detail = says(t, ['leading 0', 'leading zero', 'entry 0', 'prefix[0]', 'index 0', 'n + 1', 'n+1', 'size n', 'first i', 'i + 1', 'i+1', 'before i']) || says(t, ['range sum', 'sum of a range', 'subtraction', 'difference', 'o(1)', 'any range', 'range query']);
    if (content) return { right: `says ${v} holds running totals`, complete: detail };
  }
  if (walker && roleSaid && endSaid && resultSaid) return { right: `says what ${v} does during the walk and that it ends as the result`, complete: true };
  if (returned && endSaid && resultSaid) return { right: `says ${v} ends as what ${fnName} returns`, complete: !!roleSaid };
  if (returned && resultSaid && (walker || !!roleSaid)) return { right: `says ${v} ends as what ${fnName} returns` };
  if (roleSaid) return { right: `says what ${v} does during the walk` };
  return {};
}

// Claims about when a loop stops and why it must: checked against every way out of the loop (its
// condition and the early returns or breaks inside it), read from the code. A condition on a
// container (`len(queue) > 0`, `while stack:`) ends when it is empty; a walk (`curr !== null`) when
// it falls off the end; a value written from a remainder ends when "the remainder is zero".
import { hasIdentifier } from '../text.ts';
import type { CodeFacts } from './facts.ts';
import { says, type ClaimInput, type ClaimResult } from './said.ts';

const NOT_NAMES = /^(len|and|or|not|true|false|null|None|nil|nullptr|undefined|size|length|empty|isEmpty|True|False|is)$/;
const identifiers = (s: string): string[] => [...new Set(s.match(/[A-Za-z_]\w*/g) ?? [])].filter((v) => !NOT_NAMES.test(v));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface LoopExits {
  cond: string;
  /** names the condition reads */
  vars: string[];
  /** `len(q) > 0`, `while q:`, `!q.isEmpty()`: the loop ends when this container is empty */
  container?: string;
  /** `curr !== null`, `while node:` on a node walked by `.next`: ends when this falls off the end */
  walker?: string;
  /** conditions of the returns and breaks inside the loop */
  early: string[];
  /** words for what the progress variable holds (`b = a % b` is "the remainder") */
  aliases: string[];
}

/** Early exits: `if (cond) return …` / `if cond: break`, on the same line or the next. */
function earlyExits(body: string[]): string[] {
  const out: string[] = [];
  body.forEach((line, i) => {
    const m = /\bif\s*\(?(.+?)\)?\s*(?:\{|:|\bthen\b)?\s*(return\b|break\b|$)/.exec(line.trim());
    if (!m) return;
    if (m[2] || /^\s*(return|break)\b/.test(body[i + 1] ?? '')) out.push(m[1]);
  });
  return out;
}

export function loopExits(f: CodeFacts, cond: string, loopLine: number | undefined): LoopExits {
  const vars = identifiers(cond);
  const loop = f.fn?.loops.find((l) => l.line === loopLine) ?? f.fn?.loops.find((l) => f.lines.at(l.line).includes(cond));
  const body = loop ? f.lines.range(loop.line + 1, loop.endLine ?? f.fn?.endLine ?? loop.line) : [];
  const c = cond.trim();
  const emptiness = /^len\((\w+)\)\s*(?:>|!=)\s*0$|^(\w+)\.(?:length|size\(\)|Count|count\(\))\s*(?:>|!==?)\s*0$|^!\s*(\w+)\.(?:empty|isEmpty)\(\)$|^(\w+)(?:\.length)?$/.exec(c);
  const nullCheck = /^(\w+)\s*(?:!==?|is not)\s*(?:null|None|nil|nullptr|undefined)$/.exec(c);
  const bare = emptiness?.[4];
  const walks = (v: string) => new RegExp(`\\b${esc(v)}\\s*=\\s*${esc(v)}\\s*(?:\\.|->)\\s*\\w+|\\b${esc(v)}\\s*=\\s*\\w+\\s*;?\\s*$`, 'm').test(body.join('\n'))
    && new RegExp(`\\b${esc(v)}\\s*(?:\\.|->)\\s*(next|left|right|parent|child)`).test(f.body);
  const walker = nullCheck?.[1] ?? (bare && walks(bare) ? bare : undefined);
  const container = walker ? undefined : emptiness?.[1] ?? emptiness?.[2] ?? emptiness?.[3] ?? bare;
  // What the progress variable is given, through one temporary: `t = a % b; b = t`.
  const aliases: string[] = [];
  for (const v of vars) {
    for (let rhs of f.writes.get(v) ?? []) {
      if (/^\w+$/.test(rhs.trim())) rhs = (f.writes.get(rhs.trim()) ?? []).join(' ');
      if (/%|\bmod\b/.test(rhs)) aliases.push('remainder', 'modulo', 'mod', `a % ${v}`);
      if (/\/\s*2\b|>>\s*1\b/.test(rhs)) aliases.push('half');
    }
  }
  return { cond: c, vars, container, walker, early: earlyExits(body), aliases };
}

const EMPTY_WORDS = String.raw`(?:is empty|empties|becomes empty|gets empty|is exhausted|runs? out|runs? dry|drains?|has nothing|is drained)`;
const NULL_WORDS = String.raw`(?:is|becomes|reaches|hits|gets to|turns|goes to|ends up)\s+(?:null|none|nil|nullptr|undefined)`;
const NOUNS = ['queue', 'stack', 'heap', 'frontier', 'worklist', 'deque', 'list', 'pq'];

/** The answer names the loop's own exit (a container emptying, a walk ending, the compared values crossing). */
function saysExit(t: string, x: LoopExits): boolean {
  if (says(t, ['range is empty', 'window is empty', 'nothing left', 'no elements left', 'nothing remaining', 'search space is empty', 'interval is empty', 'becomes false', 'no more nodes', 'no nodes left'])) return true;
  if (x.container) {
    const names = [x.container.toLowerCase(), ...NOUNS].map(esc).join('|');
    if (new RegExp(`\\b(?:${names})\\b[^.;]{0,20}\\b${EMPTY_WORDS}|\\bempty (?:${names})\\b|\\b(?:${names}) (?:has|holds) no\\b`).test(t)) return true;
  }
  if (x.walker && (new RegExp(`\\b${esc(x.walker.toLowerCase())}\\b[^.;]{0,20}\\b${NULL_WORDS}`).test(t) || says(t, ['falls off the end', 'end of the list', 'past the last node', 'runs off the end', 'past the tail', 'last node']))) return true;
  if (x.aliases.length && /!=\s*0|>\s*0/.test(x.cond)) {
    const a = x.aliases.map(esc).join('|');
    if (new RegExp(`\\b(?:${a})\\b[^.;]{0,15}\\b(?:is|becomes|reaches|hits|gets to|equals|comes out)\\s+(?:0|zero)\\b`).test(t.replace(/\bzero\b/g, '0'))) return true;
  }
  return false;
}

/** The answer gives a reason the loop cannot go on forever for a container or a walk. */
function saysProgress(t: string, x: LoopExits): { removal: boolean; once: boolean } {
  const removal = says(t, ['dequeue', 'dequeues', 'pops', 'removes one', 'takes one', 'takes the first', 'removes the first', 'shrinks', 'one node per', 'one per iteration', 'each iteration removes', 'every pass removes', 'moves to the next', 'advances', 'moves forward', 'moves one']);
  const once = /\b(?:added|enqueued|queued|pushed|appended|visited|enters?|put in|inserted)\b[^.;]{0,30}\b(?:once|at most once|only once)\b|\bnever (?:re-?added|added twice|queued twice|enqueued twice|visited twice)\b|\bno node is (?:queued|added|visited) twice\b|\bat most (?:v|n|once)\b|\bfinitely many\b|\b(?:visited|seen) (?:set|map|check)\b|\bdoubles as a visited\b/.test(t);
  return { removal, once };
}

/** Names of the code a stop clause compares ("node equals start") that no exit condition reads. */
function strangers(t: string, x: LoopExits, f: CodeFacts): string[] {
  const clause = /\b(?:stops?|ends?|terminates?|finish\w*|exits?)\s+(?:when|once|if|after)\s+([^.,;]+)|^\s*(?:when|once)\s+([^.,;]+)/.exec(t);
  const said = (clause?.[1] ?? clause?.[2] ?? '').split(/\b(?:because|since|as|so|which|or)\b/)[0];
  if (!said) return [];
  const known = new Set([...x.vars, ...x.early.flatMap(identifiers)].map((v) => v.toLowerCase()));
  const names = new Set([...f.writes.keys(), ...(f.fn?.params ?? [])].map((v) => v.toLowerCase()));
  const m = new RegExp(String.raw`\b([a-z_]\w*)\s+(?:equals?|==|=|becomes?|reaches|hits|gets to|is equal to|is)\s+(?:the\s+)?([a-z_]\w*|0|zero)\b`).exec(said);
  const empty = new RegExp(`\\b([a-z_]\\w*)\\s+${EMPTY_WORDS}`).exec(said);
  const out = [m?.[1], m?.[2], empty?.[1]].filter((v): v is string => !!v && names.has(v) && !known.has(v));
  return [...new Set(out)];
}

// "With lo = mid it could loop forever", "without the check it would": about another version of the code.
const COUNTERFACTUAL = /\bwith\s+[\w.[\]]+\s*=[^=]|\bwithout\b|\bif (?:we|you|i|it were|it was|someone)\b|\botherwise\b|\binstead\b|\bhad (?:we|i)\b/;
/** A speculative claim ("it could loop forever") said of the code as it is, not of a changed version. */
const claimsOfCode = (t: string, terms: string[]) => t.split(/(?<=[.!?;])\s+/).some((s) => !COUNTERFACTUAL.test(s) && says(s, terms, [], true));

export function terminationClaims(i: ClaimInput): ClaimResult {
  const { t, e, raw, facts: f } = i;
  const cond = (e.conditionTerms ?? [])[0] ?? '';
  const x = loopExits(f, cond, e.focusLines?.[0]);
  const m = /^\s*(\w+)\s*(<=|<|>=|>|!=)\s*(\w+)\s*$/.exec(cond);
  const vars = m ? [m[1], m[3]] : e.progress ?? [];
  // A variable moved both ways (`n // 2` and `3 * n + 1`) gives no guarantee of reaching the exit.
  const wobbly = (e.progress ?? []).length > 0 && (e.progress ?? []).every((v) => nonMonotone(f, v));
  if (wobbly) {
    const doubt = says(t, ['not guaranteed', 'no guarantee', 'nothing guarantees', 'no proof', 'conjecture', 'unproven', 'not proven', 'may never', 'might never', 'might not stop', 'may not stop', 'loop forever', 'loops forever', 'never ends', 'never terminate', 'runs forever', 'forever'], [], true);
    if (!doubt && says(t, ['smaller on every', 'smaller every', 'decreases every', 'decreases on every', 'keeps being halved', 'keeps halving', 'always decreases', 'guaranteed', 'always reaches', 'must reach', 'gets smaller'])) {
      return { contradiction: `${(e.progress ?? []).join(' and ')} goes up on some passes and down on others, so nothing in the code guarantees it reaches the exit.`, misconception: true };
    }
    if (doubt) return { right: 'sees that nothing guarantees the loop reaches its exit', complete: says(t, ['1', 'one', 'reaches', cond.toLowerCase()]) };
  }
  // "It could loop forever" is a claim about the code, not a proposal.
  if (claimsOfCode(t, ['only stops if', 'only stops when the target', 'keeps looping', 'loops forever', 'infinite loop', 'never stops', 'loop forever', 'run forever', 'runs forever']) && !says(t, ['never loops forever', "can't loop forever", 'cannot loop forever', "can't go on forever"], [], true)) {
    const misread = says(t, ['might', 'may', 'could', 'cycle', 're-added', 'again'], [], true);
    return { contradiction: `The loop also stops without a match: when \`${cond}\` becomes false.`, ...(misread ? { misconception: true } : {}) };
  }
  if ((e.progress ?? []).length && claimsOfCode(t, ['might not stop', 'may not stop', 'might never stop', 'may never stop', 'might not terminate', 'may not terminate', 'could loop forever', 'could run forever'])) {
    return { contradiction: `${(e.progress ?? []).join(' and ')} changes on every pass toward the exit \`${cond}\`, so the loop does stop.`, misconception: true };
  }
  for (const c of cond.matchAll(/(\w+)\s*(<=|>=)\s*(\w+)/g)) {
    if (new RegExp(`\\b${c[1].toLowerCase()}\\s*(==|=|equals|is equal to)\\s*${c[3].toLowerCase()}\\b`).test(t.replace(/\s+/g, ' '))) {
      return { contradiction: `With \`${cond}\` the loop still runs when ${c[1]} equals ${c[3]}; it stops only once they cross.` };
    }
  }
  // Two moving indices end against each other, not at the end of the input.
  if (m && /^[A-Za-z_]\w*$/.test(m[3]) && (e.progress ?? []).includes(m[3]) && says(t, ['reaches the end', 'end of the string', 'end of the array', 'gets to the end', 'reaches the length', 'end of the list'])) {
    return { contradiction: `The loop ends when \`${cond}\` fails: ${m[1]} and ${m[3]} meet in the middle, long before either reaches the end.` };
  }
  if (x.early.length && /\bonly (?:stops|ends|exits|terminates) (?:when|if|once)\b/.test(t)) {
    return { contradiction: `The loop also stops when \`${cond}\` becomes false, not only at the early return.`, misconception: true };
  }
  const stray = strangers(t, x, f);
  if (stray.length) return { contradiction: `The loop ends when \`${cond}\` becomes false${x.early.length ? ` or when \`${x.early[0]}\` returns early` : ''}; ${stray[0]} is not part of either.` };
  const stopClause = /\b(stops?|ends?|terminates?|finish\w*)\s+(?:when|once|if|after)\s+([^.]+)/.exec(t)?.[2] ?? /^\s*(?:when|once)\s+([^.]+)/.exec(t)?.[1] ?? '';
  if (m && stopClause && vars.length && !vars.some((v) => hasIdentifier(stopClause, v.toLowerCase())) && /\b(mid|i|j|index|end of|reaches)\b/.test(stopClause)
    && !says(stopClause, ['empty', 'cross', 'found', 'target'])) {
    return { contradiction: `The loop's condition is \`${cond}\`; ${stopClause.trim()} is not what ends it.` };
  }
  // "It stops when the condition is false, because loops always end": the question restated, no variable named.
  if (/\b(loops?|it|they)\s+(always|eventually)\s+(end|ends|stop|stops|terminate|terminates|finish|finishes)\b|\ball loops\b[^.]{0,20}\b(end|stop|terminate)|^(?:it )?(?:stops|ends) when the (?:loop )?condition (?:is|becomes|turns) false\.?$/.test(t.trim())
    && !(e.progress ?? []).some((v) => hasIdentifier(raw, v))) {
    return { contradiction: 'That restates the question: it names no variable that changes on every pass toward the exit.', misconception: true };
  }
  const tz = t.replace(/\bzero\b/g, '0');
  let exit = saysExit(t, x);
  if (m) {
    const [a, op, b] = [m[1].toLowerCase(), m[2], m[3].toLowerCase()];
    // With a strict or != condition, reaching the bound is the exit: `i < n` stops when i reaches n.
    if (op === '<' || op === '>' || op === '!=') exit ||= new RegExp(`\\b${a}\\s+(reaches|hits|gets to|equals|is equal to|becomes|is)\\s+${b}\\b|\\b${a}\\s*(==|=)\\s*${b}\\b`).test(tz);
    exit ||= new RegExp(`\\b${a}\\b[^.]{0,20}\\b(greater than|bigger than|passes|crosses|exceeds|past|goes beyond|overtakes|>)\\s*${b}\\b|\\b${b}\\b[^.]{0,20}\\b(less than|smaller than|below|<)\\s*${a}\\b|\\b${a} and ${b} cross`).test(t);
    // Two indices moving toward each other: "when i >= j", "when i and j meet", "no longer less than j".
    if (op === '<' || op === '>') {
      exit ||= new RegExp(`\\b${a}\\s*${op === '<' ? '>' : '<'}=?\\s*${b}\\b|\\b${a} (?:and|&) ${b}\\b[^.]{0,15}\\b(meet|cross|pass)|\\b${a}\\b[^.]{0,10}\\bno longer (less|greater) than\\s*${b}\\b|\\b(indices|pointers|they) (have )?(meet|met|cross)`).test(t);
    }
  }
  // A compound condition on bounds (`top <= bottom && left <= right`) ends when the bounds cross.
  if (!m && /<=?|>=?/.test(cond)) exit ||= /\b(bounds|boundaries|pointers|indices|edges|borders|they)\b[^.]{0,15}\b(cross|meet|pass each other|overlap)/.test(t);
  const p = saysProgress(t, x);
  const progress = (e.progress ?? []).some((v) => hasIdentifier(raw, v)) && says(t, ['mid + 1', 'mid - 1', 'shrink', 'smaller', 'halve', 'halves', 'closer', 'increase', 'decrease', 'moves', 'every pass', 'each pass', 'every iteration', 'each iteration', 'guarantee progress'])
    || says(t, ['shrinks', 'halves', 'gets smaller', 'keeps getting smaller', 'move inward', 'moves inward', 'move in toward', 'shrink them', 'shrinks them']) || ((x.container || x.walker) ? p.once || p.removal : false);
  if (exit) return { right: `names the exit condition (${cond} becomes false)`, complete: progress };
  if (progress && !m && (e.progress ?? []).length > 1) return { right: 'says what moves toward the exit on every pass' };
  // A reason it must end (each node queued once) is a right half-answer even without the exit.
  if (x.container && p.once) return { right: 'says why the loop must end: each item enters the container once' };
  return {};
}

/** Written both toward and away from smaller values: `n = n // 2` on one path, `n = 3 * n + 1` on another. */
export function nonMonotone(f: CodeFacts, v: string): boolean {
  const e = esc(v);
  const writes = f.writes.get(v) ?? [];
  // Read from the text too: a comment stripper can cut Python's `//` out of the recorded write.
  const down = writes.some((w) => new RegExp(`\\b${e}\\s*(?:\\/\\/?|>>|-)\\s*\\w`).test(w))
    || new RegExp(`\\b${e}\\s*=\\s*${e}\\s*(?:\\/\\/?|>>|-)\\s*\\w|\\b${e}\\s*(?:\\/\\/=|\\/=|>>=|-=)`).test(f.body);
  const up = writes.some((w) => new RegExp(`\\d\\s*\\*\\s*${e}\\b|\\b${e}\\s*\\*\\s*\\d|\\b${e}\\s*\\+\\s*\\w`).test(w));
  return down && up;
}

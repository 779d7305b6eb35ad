// Question templates about cost (INTERVIEWING.md table): time and space complexity, a hidden linear
// cost, a data-structure choice, scale and recursion. Each names the function, its lines and its
// identifiers, and carries the statically computed answer key.
import { kindWord, sizeParam } from './code.ts';
import { CLASSES, type Cls } from './complexity.ts';
import { fibCalls, recursionShape, roughly, baseTerms } from './derive.ts';
import { recursionSize } from './recursion-size.ts';
import { sortInLoop } from '../../../shared/analysis/moments.ts';
import { loopAround, SLOW, span, linesPhrase, type Ctx, type Draft } from './draft.ts';
import { art, clip } from './text.ts';

function inTermsOf(ctx: Ctx): string {
  const s = sizeParam(ctx.fn);
  if (!s) return 'as its input grows';
  return s.numeric ? `as ${s.name} grows` : `in terms of the length of ${s.name}`;
}

const lower = (c: string): Cls => CLASSES[Math.max(0, CLASSES.indexOf(c as Cls) - 2)] ?? 'O(n)';

export function timeComplexity(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const key = fn.complexityEstimate;
  const dominant = fn.dominantLine ?? fn.loops[fn.loops.length - 1]?.line ?? fn.startLine;
  const n = fn.nestedSameCollection;
  const call = fn.linearCallsInLoops[0];
  const size = sizeParam(fn)?.name ?? 'the input';
  const base = { function: fn.name, complexity: key, dominantLine: dominant };
  const domConcept = { name: 'dominating line', synonyms: [`line ${dominant}`] };
  if (n) {
    return {
      topic: 'time_complexity', variant: 'time.nested', lines: span(n.outerLine, n.innerLine),
      text: `Looking at the loops on lines ${n.outerLine} and ${n.innerLine}: what is the time complexity of ${fn.name} ${inTermsOf(ctx)}, and which line dominates it?`,
      key: { ...base, focusLines: [n.outerLine, n.innerLine], keyReason: `the loop on line ${n.innerLine} runs inside the loop on line ${n.outerLine}, both over ${n.collection}` },
      concepts: [domConcept],
      misconceptions: [
        { claim: 'nested loops counted as one pass', cls: 'O(n)', feedback: `That counts one loop only: the loop on line ${n.innerLine} runs up to n times for every pass of the loop on line ${n.outerLine}, so the work multiplies to about n\u00b2/2 steps.` },
        { claim: 'best case given for the worst case', cls: 'O(1)', feedback: 'That is the best case (a match found at once); the question is the worst case, when no pair matches until the end.' },
      ],
    };
  }
  if (call && SLOW.has(key)) {
    const loop = loopAround(fn, call.line);
    return {
      topic: 'time_complexity', variant: 'time.linear_call', lines: span(loop?.line, call.line),
      text: `Looking at the loop on line ${loop?.line ?? call.line}: what is the time complexity of ${fn.name} ${inTermsOf(ctx)}, and which line dominates it?`,
      key: { ...base, dominantLine: call.line, unitCost: 'O(n)', focusLines: [loop?.line ?? call.line, call.line], keyReason: `\`${clip(call.expr, 40)}\` on line ${call.line} scans a list on every pass of the loop` },
      concepts: [{ name: 'dominating line', synonyms: [`line ${call.line}`] }],
      misconceptions: [{ claim: 'a call in a loop is free', cls: 'O(n)', feedback: `The loop runs n times, but \`${clip(call.expr, 40)}\` on line ${call.line} is itself a linear scan on every pass, so the total is ${key}.` }],
    };
  }
  const sorted = sortInLoop(fn);
  if (sorted !== undefined && !call) {
    const loop = loopAround(fn, sorted);
    const over = loop?.iterates ?? 'items';
    return {
      // The sort is not the whole cost here (it is paid per pass), so the rubric is the loop's, not 'time.sort'.
      topic: 'time_complexity', variant: 'time.linear', lines: span(loop?.line, sorted),
      text: `Line ${sorted} (\`${clip(lines.snippet(sorted), 40)}\`) sorts on every pass of the loop on line ${loop?.line ?? sorted}. What is the time complexity of ${fn.name} in terms of the number of ${over} and their length, and which line dominates it?`,
      key: { ...base, dominantLine: sorted, focusLines: [sorted],
        keyReason: fn.complexityReason ?? `the sort on line ${sorted} runs once per pass of the loop on line ${loop?.line ?? sorted}, so ${fn.name} is ${key}` },
      // Wrong classes are the grader's to recognise (it reads n·m log m); the line is what this question adds.
      concepts: [{ name: 'dominating line', synonyms: [`line ${sorted}`] }],
    };
  }
  if (fn.recursive && key === 'O(2^n)') {
    const at = fn.recursionCalls[0] ?? dominant;
    return {
      topic: 'time_complexity', variant: 'time.recursion', lines: span(at),
      text: `${fn.name} calls itself on line ${at}. What is its time complexity ${inTermsOf(ctx)}, and where does that cost come from?`,
      key: { ...base, dominantLine: at, focusLines: [at], keyReason: `each call on line ${at} makes two more calls` },
      misconceptions: [{ claim: 'depth taken for the number of calls', cls: 'O(n)', feedback: `The recursion is only n deep, but each call on line ${at} branches into two, so the number of calls grows exponentially; depth bounds memory, not time.` }],
    };
  }
  const loop = fn.loops.find((l) => l.line === dominant) ?? fn.loops[0];
  const where = fn.sortCalls.length && key === 'O(n log n)' ? `the sort on line ${fn.sortCalls[0]}`
    : loop ? `the loop on line ${loop.line}` : linesPhrase(fn.startLine, fn.endLine);
  const variant = fn.sortCalls.length && key === 'O(n log n)' ? 'time.sort' : loop?.halving ? 'time.halving' : 'time.linear';
  const hashed = ctx.view.structures.find((d) => (d.kind === 'map' || d.kind === 'set') && d.membership);
  const wrongUp = hashed
    ? `Looking a value up in ${hashed.name ?? 'the hash table'} is O(1) on average, so the single loop over ${size} stays ${key}.`
    : `There is no second loop over ${size} inside ${where}, so the work does not multiply.`;
  return {
    topic: 'time_complexity', variant, lines: loop ? span(loop.line, dominant) : [fn.startLine, fn.endLine],
    text: `Looking at ${where}: what is the time complexity of ${fn.name} ${inTermsOf(ctx)}, and which line dominates it?`,
    key: { ...base, focusLines: [dominant], keyReason: fn.complexityReason ?? (variant === 'time.halving' ? `the loop on line ${dominant} halves its range every pass`
      : variant === 'time.sort' ? `${where} costs ${key}; the passes over ${size} after it are linear, so the sort dominates`
        : `${where} visits each element of ${size} a bounded number of times`) },
    concepts: [domConcept],
    misconceptions: [
      ...(key === 'O(n)' ? [{ claim: 'a lookup counted as a scan', cls: 'O(n^2)', feedback: wrongUp }] : []),
      ...(key === 'O(log n)' ? [{ claim: 'halving loop read as linear', cls: 'O(n)', feedback: `The range halves on every pass of the loop on line ${dominant}, so it runs about log2 n times, not n.` }] : []),
    ],
  };
}

export function spaceComplexity(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const size = sizeParam(fn);
  const grows = size ? (size.numeric ? `as ${size.name} grows` : `as ${size.name} grows`) : 'as the input grows';
  const text = `Apart from its input, how much extra memory does ${fn.name} (${linesPhrase(fn.startLine, fn.endLine)}) need ${grows}, and what in the code holds it?`;
  if (fn.recursive) {
    const shape = recursionShape(fn, lines);
    return { topic: 'space_complexity', variant: 'space.stack', lines: [fn.startLine, fn.endLine], text,
      key: { function: fn.name, spaceComplexity: shape.depth, holder: 'call stack', keyReason: `the recursion keeps one stack frame per level, ${shape.depth} levels deep` } };
  }
  const grown = ctx.view.structures.find((d) => d.kind !== 'string_builder' && d.name) ?? null;
  const container = fn.variableRoles.find((r) => r.role === 'container');
  const holder = grown?.name ?? container?.name;
  if (holder && fn.loops.length) {
    const at = grown?.line ?? container?.line ?? fn.startLine;
    // A table indexed twice (`dp[r][c]`) keeps one cell per grid cell: rows·cols, O(n^2) in one variable.
    const body = lines.range(fn.startLine, fn.endLine).join('\n');
    const table = new RegExp(`\\b${holder.replace(/[$]/g, '\\$')}\\s*\\[[^\\]]+\\]\\s*\\[`).test(body);
    return { topic: 'space_complexity', variant: 'space.structure', lines: span(at), text,
      key: { function: fn.name, spaceComplexity: table ? 'O(n^2)' : 'O(n)', holder, focusLines: [at],
        keyReason: table ? `${holder} (line ${at}) keeps one cell per cell of the grid: rows \u00b7 cols entries` : `${holder} (line ${at}) can gain an entry on every pass` },
      concepts: [{ name: 'names the growing structure', synonyms: [holder] }] };
  }
  return { topic: 'space_complexity', variant: 'space.constant', lines: [fn.startLine, fn.endLine], text,
    key: { function: fn.name, spaceComplexity: 'O(1)', keyReason: `${fn.name} keeps only a fixed number of variables` } };
}

const RECEIVER = /^(\w+)\.(?:includes|contains|indexOf|index|count|has|remove|insert|pop|shift|unshift)\b|\bin\s+(\w+)\s*$|\bin\s+(\w+)\b|^(?:\w+\.)?\w+\(\s*(\w+)\b/;

// What the call does to cost O(n), by kind; a membership test walks the list (the default).
const WORK: Record<string, string> = {
  'hidden.shift': 'moves every remaining element one place',
  'hidden.concat': 'copies the whole string built so far',
  'hidden.aggregate': 'reads the whole collection',
};

export function hiddenLinearCost(ctx: Ctx): Draft | null {
  const { fn } = ctx;
  const call = ctx.extras.call ?? fn.linearCallsInLoops[0];
  if (!call) return null;
  const loop = loopAround(fn, call.line);
  const over = loop?.iterates ? `the loop over ${loop.iterates}` : 'the loop';
  const expr = clip(call.expr, 50);
  const m = RECEIVER.exec(call.expr);
  const receiver = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
  const total = SLOW.has(fn.complexityEstimate) ? fn.complexityEstimate : 'O(n^2)';
  const variant = call.kind === 'shift' ? 'hidden.shift' : call.kind === 'concat' ? 'hidden.concat' : call.kind === 'aggregate' || call.kind === 'copy' ? 'hidden.aggregate' : 'hidden.membership';
  const text = {
    'hidden.membership': `In ${fn.name}, line ${call.line} does \`${expr}\` on every pass of ${over} \u2014 what does that cost, and how would you avoid it?`,
    'hidden.shift': `In ${fn.name}, line ${call.line} does \`${expr}\` inside ${over} \u2014 what does each of those calls cost, and what would you use instead?`,
    'hidden.concat': `In ${fn.name}, line ${call.line} grows a string with \`${expr}\` on every pass of ${over} \u2014 what does that cost over the whole loop, and how would you avoid it?`,
    'hidden.aggregate': `In ${fn.name}, line ${call.line} calls \`${expr}\` on every pass of ${over} \u2014 what does that cost in total, and how would you avoid it?`,
  }[variant];
  const remedies: Record<string, string[]> = {
    'hidden.membership': ['set', 'hash set', 'hashset', 'dict', 'dictionary', 'map', 'hash map', 'hashmap', 'unordered_set', 'unordered_map', 'hash table', 'hash'],
    'hidden.shift': ['deque', 'popleft', 'appendleft', 'arraydeque', 'linked list', 'head index', 'index pointer', 'reverse', 'queue'],
    'hidden.concat': ['join', 'stringbuilder', 'string builder', 'strings.builder', 'list of parts', 'ostringstream', 'append to a list', 'buffer'],
    'hidden.aggregate': ['hoist', 'precompute', 'outside the loop', 'once before', 'running', 'keep track', 'prefix', 'cache'],
  };
  const listWord = kindWord('list', ctx.language);
  return {
    topic: 'hidden_linear_cost', variant, lines: span(loop?.line, call.line), text,
    key: { function: fn.name, unitCost: 'O(n)', complexity: total, improvedComplexity: lower(total), focusLines: [call.line],
      remedyTerms: remedies[variant], ...(receiver ? { variable: receiver } : {}),
      keyReason: `\`${expr}\` on line ${call.line} ${WORK[variant] ?? `walks the whole ${listWord}`} on every pass, so ${fn.name} is ${total}` },
    misconceptions: [{ claim: 'list membership is constant time', cls: 'O(1)', feedback: `\`${expr}\` on ${art(listWord)} compares against every element, so it is O(n) per pass; it is O(1) only on a hash set or map.` }],
  };
}

export function dataStructureChoice(ctx: Ctx): Draft | null {
  const { fn, language } = ctx;
  let from = ctx.extras.from;
  let to = ctx.extras.to;
  const switched = !!(from && to);
  if (!switched) {
    const named = ctx.extras.structure?.name ? ctx.view.structures.find((d) => d.name === ctx.extras.structure?.name && d.kind === ctx.extras.structure?.kind) : undefined;
    const hashed = named ?? ctx.view.structures.find((d) => (d.kind === 'set' || d.kind === 'map') && d.membership && d.name)
      ?? ctx.view.structures.find((d) => (d.kind === 'set' || d.kind === 'map') && d.name);
    if (!hashed) return null;
    from = 'list';
    to = hashed.kind;
  }
  if (to !== 'set' && to !== 'map') return null;
  const ds = (ctx.extras.structure?.name ? ctx.view.structures.find((d) => d.name === ctx.extras.structure?.name && d.kind === to) : undefined)
    ?? ctx.view.structures.find((d) => d.kind === to && d.name) ?? ctx.view.structures.find((d) => d.name);
  const name = ds?.name ?? fn.variableRoles.find((r) => r.role === 'container')?.name;
  if (!name) return null;
  const line = ds?.line ?? fn.startLine;
  const toW = kindWord(to, language);
  const fromW = kindWord(from ?? 'list', language);
  const text = switched
    ? `Why ${art(toW)} instead of ${art(fromW)} for ${name} (line ${line})? What changes for ${fn.name}?`
    : `Why did you make ${name} (line ${line}) ${art(toW)} rather than ${art(fromW)}? What does that change for ${fn.name}?`;
  return {
    topic: 'data_structure_choice', variant: to === 'set' ? 'ds.set' : 'ds.map', lines: span(line), text,
    key: { function: fn.name, variable: name, focusLines: [line], keyReason: `${art(toW)} answers "is x in ${name}?" in O(1) on average where ${art(fromW)} scans every element` },
    misconceptions: [{ claim: 'a list lookup is as fast as a hash lookup', cls: 'O(n)', feedback: `${art(fromW).replace(/^a/, 'A')} has to compare against every element to answer a membership test; the ${toW} hashes straight to the bucket.` }],
  };
}

export function scale(ctx: Ctx): Draft | null {
  const { fn } = ctx;
  if (!SLOW.has(fn.complexityEstimate)) return null;
  const s = sizeParam(fn);
  const dominant = fn.dominantLine ?? fn.startLine;
  const expo = fn.complexityEstimate === 'O(2^n)';
  const text = expo
    ? `What happens if ${fn.name} is called with ${s?.name ?? 'n'} = 50? Where does the time go, and what would you change?`
    : `Suppose ${s?.name ?? 'the input'} had ten million items. Where would ${fn.name} spend its time \u2014 which line \u2014 and what would you change?`;
  const remedyTerms = expo ? ['memo', 'memoization', 'memoisation', 'cache', 'lru_cache', 'dynamic programming', 'bottom-up', 'iterative', 'loop', 'table']
    : ['hash', 'set', 'map', 'dict', 'hash map', 'sort', 'two pointers', 'index', 'stream', 'chunk', 'batch', 'external', 'precompute'];
  return {
    topic: 'scale', variant: 'scale', lines: span(dominant),
    text, key: { function: fn.name, complexity: fn.complexityEstimate, dominantLine: dominant, focusLines: [dominant], remedyTerms,
      keyReason: `${fn.name} is ${fn.complexityEstimate}, driven by line ${dominant}` },
    concepts: [{ name: 'names the bottleneck', synonyms: [`line ${dominant}`] }],
  };
}

export function recursion(ctx: Ctx): Draft | null {
  const { fn, lines, language } = ctx;
  if (!fn.recursive) return null;
  const shape = recursionShape(fn, lines);
  const at = fn.recursionCalls[0] ?? fn.startLine;
  const base = fn.baseCaseLine;
  const cond = (base && fn.guards.find((g) => g.line === base)?.text) || (base ? lines.snippet(base, 80) : '');
  // The size named is the one the self-calls shrink; the old guess (first collection-like parameter) only as a fallback.
  const legacy = sizeParam(fn);
  const size = recursionSize(fn, lines) ?? (legacy ? { name: legacy.name, shape: legacy.numeric ? 'numeric' as const : 'collection' as const } : null);
  const numeric = !size || size.shape === 'numeric';
  const branching = shape.branching >= 2 && fn.complexityEstimate === 'O(2^n)';
  const n = numeric ? (branching ? 30 : 10000) : 10000;
  const p = size?.name ?? 'n';
  const count = n.toLocaleString('en-US');
  const sizePhrase = numeric ? `${p} = ${count}`
    : size.shape === 'tree' ? `a tree of ${count} nodes in the worst case`
      : size.shape === 'chain' ? `a linked list of ${count} nodes`
        : size.shape === 'grid' ? `a 100 \u00d7 100 ${p} (${count} cells)`
          : `${art(kindWord('list', language))} of ${count} items`;
  const depthValue = shape.depth === 'O(log n)' ? Math.ceil(Math.log2(n)) : n;
  const calls = branching ? (shape.fibLike ? roughly(fibCalls(n)) : `about 2^${n}`) : undefined;
  // Pointing at the base case line asks for its condition and meaning, not for where it is.
  const head = base ? `${fn.name} calls itself on line ${at}, and line ${base} is where it can stop.` : `${fn.name} calls itself on line ${at}.`;
  const ask = base ? 'What is the base case there, in words' : 'What is its base case';
  const text = branching
    ? `${head} ${ask}, how deep does the recursion go for ${sizePhrase}, and roughly how many calls does that make?`
    : `${head} ${ask}, and how deep does the recursion go for ${sizePhrase}?`;
  const limit = language === 'python' ? 'past Python\u2019s default recursion limit of 1000' : 'deep enough to risk a stack overflow';
  return {
    topic: 'recursion', variant: branching ? 'recursion.branching' : 'recursion.linear', lines: span(base, at), text,
    key: { function: fn.name, param: p, depth: shape.depth, depthValue, complexity: fn.complexityEstimate, focusLines: [at, ...(base ? [base] : [])],
      ...(base ? { baseLine: base, baseTerms: baseTerms(cond) } : {}), ...(calls ? { calls } : {}),
      keyReason: branching ? `the base case is \`${clip(cond, 30)}\`; the depth is about ${depthValue} but each call branches, ${calls} calls in all`
        : `the base case is \`${clip(cond, 30)}\`; ${depthValue} frames deep is ${depthValue >= 1000 ? limit : 'fine for the stack'}` },
    concepts: base ? [{ name: 'base case condition', synonyms: [`line ${base}`, ...baseTerms(cond)] }] : [],
    misconceptions: [
      { claim: 'the depth equals the number of calls', cues: [['exponential depth'], ['depth is exponential'], ['2^n deep'], ['2^30 deep'], ['depth is 2^'], ['depth of 2^'], ['2^30 levels'], ['2^n levels'], ['exponentially deep']], feedback: `Depth is the longest chain of calls active at once: about ${depthValue} here, even if the total number of calls is much larger.` },
    ],
  };
}

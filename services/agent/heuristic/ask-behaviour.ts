// Question templates about behaviour (INTERVIEWING.md table): empty input, initial values, exceptions,
// guards, termination, loop bounds, variable roles, tests and purpose. Execution and purpose
// questions discriminate; these name the exact line and identifier the candidate wrote.
import { assignLine, sizeParam } from './code.ts';
import { emptyResult } from './empty-result.ts';
import { emptyOutcome, hazardTerms, holderDirection, initKind, inputsFor, loopCondition, writtenIn } from './derive.ts';
import { loopAround, linesPhrase, span, type Ctx, type Draft } from './draft.ts';
import { rolePlain, roleTerms } from './rubric.ts';
import { indexBound } from './claims/kind.ts';
import { readBody } from './claims/facts.ts';
import { clip, uniq } from './text.ts';
import { linesRaising, subscriptTerms } from './raises.ts';

export function edgeCases(ctx: Ctx): Draft | null {
  const { fn, lines, language } = ctx;
  const edge = ctx.extras.edge ?? fn.indexFirst[0];
  if (!edge) return null;
  const outcome = emptyOutcome(edge, language, lines);
  const expr = clip(edge.expr, 40);
  const wrongWay = outcome.kind === 'raises'
    ? [{ claim: 'it just returns nothing', cues: [['returns nothing'], ['returns none'], ['returns null'], ['returns 0'], ['returns zero'], ['nothing happens'], ['returns an empty'], ['just returns']],
      feedback: `Be exact: with an empty ${edge.param}, \`${expr}\` on line ${edge.line} ${outcome.label}; it never gets to return.` }]
    : outcome.kind === 'value'
      ? [{ claim: 'it throws', cues: [['throws'], ['exception'], ['crash'], ['index out of range'], ['out of bounds error']],
        feedback: `Nothing is thrown in ${language === 'typescript' ? 'TypeScript' : 'JavaScript'}: ${outcome.label}, and ${fn.name} carries on with that value.` }]
      : [];
  // Started at the first element without a check: name the start, then ask what empty input does to it.
  const start = ctx.extras.sentinel?.kind === 'first' && ctx.extras.sentinel.line === edge.line ? ctx.extras.sentinel : undefined;
  const lead = start ? `${start.name} starts at ${clip(start.init, 30)} on line ${edge.line}. ` : '';
  return {
    topic: 'edge_cases', variant: 'edge.empty', lines: span(edge.line),
    text: `${lead}What happens if ${fn.name} is called with an empty ${edge.param}? What exactly does line ${edge.line} do then, and is that what you want?`,
    key: { function: fn.name, param: edge.param, outcome, focusLines: [edge.line], keyReason: `\`${expr}\` on line ${edge.line} ${outcome.label} when ${edge.param} is empty` },
    concepts: [{ name: 'exact outcome', synonyms: outcome.terms }, { name: 'assumes an element', synonyms: [edge.expr, `line ${edge.line}`] }],
    misconceptions: wrongWay,
  };
}

export function initialValue(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const role = ctx.extras.role?.init ? ctx.extras.role
    : fn.variableRoles.find((r) => r.init && (r.role === 'most_wanted_holder' || r.role === 'gatherer'));
  if (!role?.init) return null;
  const at = assignLine(lines, role.name, fn.startLine, fn.endLine) ?? role.line;
  const kind = initKind(role.init);
  const body = lines.range(fn.startLine, fn.endLine);
  const dir = holderDirection(role.name, body) ?? 'max';
  const coll = sizeParam(fn)?.name ?? 'the input';
  const v = role.name;
  const init = clip(role.init, 30);
  const table = ctx.extras.sentinel?.container && ctx.extras.sentinel.name === v ? ctx.extras.sentinel : undefined;
  if (table) {
    const never = table.kind === 'max' ? 'never lowered' : 'never raised';
    return {
      topic: 'initial_value', variant: 'initial.sentinel', lines: span(table.line),
      text: `Why fill ${v} with ${init} on line ${table.line}? What does an entry of ${v} still at ${init} mean when ${fn.name} finishes?`,
      key: { function: fn.name, variable: v, init: table.init, initKind: 'sentinel', focusLines: [table.line],
        keyReason: `${init} marks an entry not reached yet: any real value replaces it, and one still at ${init} was ${never} (unreachable, no solution)` },
      concepts: [{ name: 'unreached entry', synonyms: ['unreachable', 'not reached', 'never reached', 'no path', 'not visited', 'no solution', 'impossible'] }],
    };
  }
  if (role.role === 'most_wanted_holder') {
    const count = countStart(ctx, v, kind, dir);
    if (count) return count;
    if (kind === 'zero') {
      const sign = dir === 'max' ? 'negative' : 'positive';
      const sample = dir === 'max' ? '[-3, -1]' : '[3, 5]';
      const right = dir === 'max' ? '-1' : '3';
      return {
        topic: 'initial_value', variant: 'initial.max_zero', lines: span(at),
        text: `Why start ${v} at ${init} on line ${at}? What does ${fn.name} return if every value in ${coll} is ${sign}, or if ${coll} is empty?`,
        key: { function: fn.name, variable: v, init: role.init, initKind: kind, direction: dir, focusLines: [at],
          keyReason: `for ${coll} = ${sample}, ${v} never changes from 0, so ${fn.name} returns 0 instead of ${right}` },
        concepts: [{ name: 'all-negative counterexample', synonyms: dir === 'max' ? ['negative', sample, '-1'] : ['positive', sample] }],
        misconceptions: [{ claim: '0 is below every value', cues: [['smallest possible'], ['lowest possible'], ['always works'], ['works for any'], ['0 is the smallest'], ['0 is the lowest']],
          feedback: `0 is not ${dir === 'max' ? 'below' : 'above'} every possible value: for ${coll} = ${sample}, ${v} stays 0 and ${fn.name} returns 0 instead of ${right}.` }],
      };
    }
    if (kind === 'first') {
      return {
        topic: 'initial_value', variant: 'initial.first', lines: span(at),
        text: `${v} starts at ${init} on line ${at}. Why that start, and what happens if ${coll} is empty?`,
        key: { function: fn.name, variable: v, init: role.init, initKind: kind, direction: dir, focusLines: [at], keyReason: `starting from the first element is safe for any values but assumes ${coll} is not empty` },
      };
    }
    // What comes back for empty input is read from the return, not assumed to be the sentinel.
    const empty = emptyResult(fn, lines, v, role.init);
    const beaten = `${init} is ${dir === 'max' ? 'below' : 'above'} any real value, so the first element replaces it`;
    return {
      topic: 'initial_value', variant: 'initial.sentinel', lines: span(at),
      text: `Why start ${v} at ${init} on line ${at}? What does ${fn.name} return if ${coll} is empty?`,
      key: { function: fn.name, variable: v, init: role.init, initKind: kind, direction: dir, focusLines: [at],
        ...(empty ? { outcome: empty.outcome } : {}),
        keyReason: empty ? `${beaten}; for an empty ${coll} ${empty.how}, so it returns ${empty.value}` : `${beaten}, but an empty ${coll} returns ${init} itself` },
      concepts: [{ name: 'empty input with that start', synonyms: empty ? uniq([empty.value, `returns ${empty.value}`, init]) : [init, 'returns ' + init] }],
    };
  }
  return {
    topic: 'initial_value', variant: 'initial.identity', lines: span(at),
    text: `Why does ${v} start at ${init} on line ${at}? What does ${fn.name} return for an empty ${coll}?`,
    key: { function: fn.name, variable: v, init: role.init, initKind: kind, focusLines: [at], keyReason: `${init} leaves the first ${kind === 'one' ? 'product' : 'sum'} unchanged, and an empty ${coll} returns ${init}` },
  };
}

/**
 * A holder of a count or length (`best = cur` where cur counts a run, `best = max(best, j - i + 1)`)
 * started at 1 or 0 is not a sentinel: 1 is the run of a single element, 0 the empty count. Only a
 * holder the sentinel analysis says is fed with the input's values can be beaten "by any value".
 */
function countStart(ctx: Ctx, v: string, kind: string, dir: 'max' | 'min'): Draft | null {
  const { fn, lines } = ctx;
  if (kind !== 'one' && kind !== 'zero') return null;
  // Facts without the sentinel analysis (the trigger's summary) cannot tell a count from a value.
  if (!fn.sentinels || fn.sentinels.some((x) => x.name === v)) return null;
  const at = assignLine(lines, v, fn.startLine, fn.endLine) ?? fn.startLine;
  const coll = sizeParam(fn)?.name ?? 'the input';
  const init = kind === 'one' ? '1' : '0';
  const empty = emptyResult(fn, lines, v, init);
  const why = kind === 'one' ? `${v} holds a length, and one element on its own is already a run of 1, the least a non-empty ${coll} has`
    : `${v} holds a count or length, and nothing has been counted yet`;
  return {
    topic: 'initial_value', variant: 'initial.sentinel', lines: span(at),
    text: `Why start ${v} at ${init} on line ${at}? What does ${fn.name} return if ${coll} is empty?`,
    key: { function: fn.name, variable: v, init, initKind: kind === 'one' ? 'one' : 'zero', direction: dir, focusLines: [at],
      ...(empty ? { outcome: empty.outcome } : {}),
      keyReason: empty ? `${why}; for an empty ${coll} ${empty.how}, so it returns ${empty.value}` : `${why}; an empty ${coll} returns ${init}` },
    concepts: [{ name: 'a count, not a value', synonyms: kind === 'one' ? ['run of 1', 'length 1', 'length of 1', 'single element', 'one element', 'at least one', 'at least 1'] : ['count', 'nothing counted', 'no elements yet'] },
      { name: 'empty input with that start', synonyms: empty ? uniq([empty.value, `returns ${empty.value}`]) : [init, `returns ${init}`] }],
    misconceptions: [{ claim: `${init} is a value below every element`, cues: [['smallest possible'], ['below any'], ['any element will beat'], ['any value beats'], ['lowest possible']],
      feedback: `${v} is compared with counts, not with the elements: ${init} is ${kind === 'one' ? 'the length of a one-element run' : 'the count before anything is seen'}, not a sentinel.` }],
  };
}

const CALL = /([A-Za-z_][\w.:]*)\s*\(/g;
const NOT_CALLS = /^(if|for|while|return|switch|catch|func|function|print|println|def|auto|new|sizeof|defer|go)$/;

export function exceptions(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const tc = fn.hasTryCatch[0];
  if (!tc) return null;
  let risky = tc.riskyLines;
  if (!risky.length) {
    // Go's defer/recover: the calls after the deferred handler are what can panic.
    risky = [];
    for (let l = tc.catchLine + 1; l <= fn.endLine; l++) if (/\w\s*\(/.test(lines.at(l)) && !/recover\(\)|^\s*}\s*\(\)/.test(lines.at(l))) risky.push(l);
  }
  if (!risky.length) return null;
  const caught = tc.caught;
  // Only the statements that can raise the caught type: a KeyError is the lookup, not the int() after it.
  const raising = linesRaising(caught, risky, (l) => lines.at(l));
  risky = raising.lines;
  const text = risky.map((l) => lines.at(l)).join('\n');
  const calls = uniq([...[...text.matchAll(CALL)].map((m) => m[1]).filter((c) => !NOT_CALLS.test(c)), ...(raising.inputs ? subscriptTerms(text) : [])]);
  const q = caught === 'panic'
    ? `Which call in ${fn.name} can panic so that the recover on line ${tc.catchLine} has something to catch, and for what input?`
    : caught
      ? `Which line in the try block of ${fn.name} can raise the ${caught} caught on line ${tc.catchLine}, and for what input?`
      : `Which call in the try block on line ${tc.tryLine} of ${fn.name} can throw, and for what input would the catch on line ${tc.catchLine} run?`;
  return {
    topic: 'exceptions', variant: 'exceptions', lines: span(tc.tryLine, tc.catchLine), text: q,
    key: { function: fn.name, riskyLines: risky, riskyTerms: calls.flatMap((c) => [c, c.split(/\.|::/).pop() ?? c]).filter((c) => c.length > 1),
      inputTerms: raising.inputs ?? inputsFor(text), catchLine: tc.catchLine, focusLines: risky,
      keyReason: `${linesPhrase(risky[0], risky[risky.length - 1])} (${clip(calls.join(', ') || lines.snippet(risky[0]), 40)}) can ${caught === 'panic' ? 'panic' : 'throw'}` },
    concepts: [{ name: 'exception type', synonyms: caught ? [caught] : [] }, { name: 'the raising statement', synonyms: risky.map((l) => `line ${l}`) }],
  };
}

const GUARD_PLAIN: Record<string, string> = {
  empty_check: 'a check for empty input', null_check: 'a null check', zero_division: 'a guard against dividing by zero',
  bounds: 'a bounds check', early_return: 'an early return for a special case', error_check: 'an error check',
};

export function guardPurpose(ctx: Ctx): Draft | null {
  const { fn } = ctx;
  const base = fn.recursive ? fn.baseCaseLine : undefined;
  const g = fn.guards.find((x) => x.line !== base && x.kind !== 'early_return') ?? fn.guards.find((x) => x.line !== base);
  if (!g) return null;
  return {
    topic: 'guard_purpose', variant: 'guard', lines: span(g.line),
    text: `What is the condition on line ${g.line} of ${fn.name} (\`${clip(g.text, 40)}\`) protecting against?`,
    key: { function: fn.name, hazardTerms: hazardTerms(g.kind), conditionTerms: [g.text], focusLines: [g.line], keyReason: `\`${clip(g.text, 40)}\` is ${GUARD_PLAIN[g.kind]}` },
    concepts: [{ name: 'names the hazard', synonyms: hazardTerms(g.kind) }],
  };
}

export function termination(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const loop = fn.loops.find((l) => l.kind === 'while' || l.kind === 'do');
  if (!loop) return null;
  const cond = loopCondition(lines.at(loop.line));
  const body = lines.range(loop.line + 1, loop.endLine ?? fn.endLine);
  const progress = writtenIn(cond.vars, body);
  return {
    topic: 'termination', variant: 'termination', lines: span(loop.line, loop.endLine),
    text: `When does the loop on line ${loop.line} of ${fn.name} stop, and what guarantees that it does?`,
    key: { function: fn.name, conditionTerms: uniq([cond.text, ...cond.vars]), progress: progress.length ? progress : cond.vars, focusLines: [loop.line],
      keyReason: `it stops when \`${clip(cond.text, 40)}\` is false; ${progress.length ? listOr(progress) + ' changes on every pass' : 'nothing in the body changes its condition'}` },
    concepts: [{ name: 'progress variable', synonyms: progress }],
  };
}
const listOr = (xs: string[]) => xs.join(' or ');

const BOUNDS = /<=|>=|-\s*1\b|\+\s*1\b|range\(\s*1\s*,/;

/** A prefix table with one slot more than its input: why the extra slot, and what entry i holds. */
function prefixBounds(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const t = fn.running?.find((r) => r.kind === 'prefix_table' && r.extraSlot);
  if (!t) return null;
  const coll = sizeParam(fn)?.name ?? 'the input';
  const write = clip(lines.snippet(t.at, 60), 50);
  return {
    topic: 'loop_bounds', variant: 'loop_bounds', lines: span(t.line, t.at),
    text: `${t.name} gets one slot more than ${coll} on line ${t.line}, and line ${t.at} writes \`${write}\`. What does ${t.name}[i] hold, and what would go wrong with one slot fewer?`,
    key: { function: fn.name, variable: t.name, conditionTerms: [lines.snippet(t.line, 70), write], focusLines: [t.line, t.at],
      keyReason: `${t.name}[i] holds the total of the first i elements of ${coll}; ${t.name}[0] is the empty prefix, so ${t.name} needs one slot per element plus one, and the last write goes to index n` },
    concepts: [{ name: 'empty prefix', synonyms: ['empty prefix', 'first i', 'before i', 'up to i', 'prefix[0]', 'sum of nothing', 'zero elements', 'out of bounds', 'off by one', 'off-by-one'] }],
  };
}

export function loopBounds(ctx: Ctx): Draft | null {
  const { fn, lines } = ctx;
  const prefix = prefixBounds(ctx);
  if (prefix) return prefix;
  const loop = fn.loops.find((l) => (l.kind === 'for' || l.kind === 'foreach') && BOUNDS.test(lines.at(l.line)));
  if (!loop) return null;
  const header = lines.snippet(loop.line, 70);
  // A start of `i + 1` is about pairing an element with itself; `<=` or `- 1` about the last index.
  const start = /(?:range\(\s*|=\s*)\w+\s*\+\s*1\b/.test(lines.at(loop.line)) && !/<=|-\s*1\b/.test(lines.at(loop.line));
  return {
    topic: 'loop_bounds', variant: start ? 'loop_bounds.start' : 'loop_bounds', lines: span(loop.line),
    text: `Your loop on line ${loop.line} is written \`${header}\`. Why those bounds \u2014 what would go wrong with one step more or one fewer?`,
    key: { function: fn.name, conditionTerms: [header], focusLines: [loop.line],
      keyReason: start ? `starting at ${/(\w+\s*\+\s*1)/.exec(lines.at(loop.line))?.[1] ?? 'the next index'} never pairs an element with itself and checks each pair once`
        : `the bounds on line ${loop.line} decide the last index handled` },
  };
}

/** "prefix is the product of every element before the one line 6 writes": what a stored running value means. */
function storedReason(ctx: Ctx, name: string, at: number): string {
  const body = ctx.lines.range(ctx.fn.startLine, ctx.fn.endLine).join('\n');
  const product = new RegExp(`\\b${name.replace(/[$]/g, '\\$')}\\s*\\*=|\\b${name.replace(/[$]/g, '\\$')}\\s*=\\s*${name.replace(/[$]/g, '\\$')}\\s*\\*`).test(body);
  const what = product ? 'product' : 'total';
  return `${name} is a running ${what}: when line ${at} stores it, it holds the ${what} of the elements already passed (not including the current one)`;
}

const INTERESTING_ROLES = ['gatherer', 'most_wanted_holder', 'follower', 'flag', 'walker', 'container'];

export function variableRole(ctx: Ctx): Draft | null {
  const { fn } = ctx;
  const r = (ctx.extras.role && INTERESTING_ROLES.includes(ctx.extras.role.role) ? ctx.extras.role : undefined)
    ?? fn.variableRoles.find((x) => x.role === 'gatherer' && fn.running?.some((t) => t.name === x.name && t.kind === 'stored_total'))
    ?? fn.variableRoles.find((x) => INTERESTING_ROLES.includes(x.role));
  if (!r) return null;
  const loop = loopAround(fn, r.line) ?? fn.loops[0];
  // A running total stored at each index is asked at the moment it is stored: that is its meaning.
  const stored = fn.running?.find((x) => x.name === r.name && x.kind === 'stored_total');
  const where = stored ? `each time line ${stored.at} stores it` : loop ? `after the loop on line ${loop.line} finishes` : `when ${fn.name} returns`;
  // A bound moved to mid (`hi = mid`) reads like a follower but is an index of the search range.
  const body = ctx.lines.range(fn.startLine, fn.endLine).join('\n');
  const role = r.role === 'follower' && indexBound(body, readBody(body).writes, r.name) ? 'bound' : r.role;
  return {
    topic: 'variable_role', variant: `role.${role}`, lines: span(loop?.line, r.line),
    text: `What does ${r.name} hold ${where}, and what is its job in ${fn.name}?`,
    key: { function: fn.name, variable: r.name, roleTerms: roleTerms(role), focusLines: [r.line], keyReason: stored ? storedReason(ctx, r.name, stored.at) : `${r.name} is ${rolePlain(role)}${role === 'bound' ? '; when the loop ends the two bounds meet on the index of the answer' : ''}` },
  };
}

export function testing(ctx: Ctx): Draft | null {
  const { fn } = ctx;
  const coll = sizeParam(fn)?.name;
  return {
    topic: 'testing', variant: 'testing', lines: [fn.startLine, fn.endLine],
    text: `Which three tests would you write for ${fn.name} (${linesPhrase(fn.startLine, fn.endLine)}), and what should each one return?`,
    key: { function: fn.name, ...(coll ? { param: coll } : {}), keyReason: 'a typical input, a boundary such as empty or a single element, and one aimed at a specific risk, each with its expected result' },
  };
}

export function purpose(ctx: Ctx): Draft | null {
  const { fn } = ctx;
  return {
    topic: 'purpose', variant: 'purpose', lines: [fn.startLine, fn.endLine],
    text: `In one sentence, what does ${fn.name} (${linesPhrase(fn.startLine, fn.endLine)}) do \u2014 not line by line, but what it is for?`,
    key: { function: fn.name, keyReason: `a one-sentence statement of what ${fn.name} returns, in terms of the problem` },
    concepts: [{ name: 'result in problem terms', synonyms: fn.params.filter((p) => p.length > 1) }],
  };
}


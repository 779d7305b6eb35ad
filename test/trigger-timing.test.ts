import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCode } from '../shared/analysis/index.ts';
import { loadConfig } from '../shared/config.ts';
import { AppError } from '../shared/errors.ts';
import { parseClientFrame } from '../shared/protocol.ts';
import { InEntry } from '../shared/streams.ts';
import { functionLooksDone, lineComplete, openBrackets, readBoundary } from '../services/trigger/boundary.ts';
import { nextWakeAt, type TriggerState } from '../services/trigger/rules.ts';
import { defaultSettings, type TriggerSettings } from '../services/trigger/settings.ts';
import { applyStep, emptyState, step, tickStep, type StepResult } from '../services/trigger/step.ts';
import { answered } from '../eval/sessions/replay.ts';

// The trigger's timing as pure rules: it asks only at a boundary (never mid-token or mid-line), acts
// on time (a held-back candidate when its gate opens, a pause after finished work), and the size-of-
// change fallback asks only after a pause. Real tree-sitter analysis, no Redis.

const T0 = 1_800_000_000_000;
const SID = 'timing';

const QUADRATIC = [
  'function hasDuplicate(nums) {',
  '  for (let i = 0; i < nums.length; i++) {',
  '    for (let j = i + 1; j < nums.length; j++) {',
  '      if (nums[i] === nums[j]) return true;',
  '    }',
  '  }',
  '  return false;',
  '}',
].join('\n');

/** Python, finished by `return best` with no newline after: it returns only from the last, unfinished line on. */
const PY_QUADRATIC = [
  'def closest_pair(nums):',
  '    best = None',
  '    for i in range(len(nums)):',
  '        for j in range(i + 1, len(nums)):',
  '            d = abs(nums[i] - nums[j])',
  '            best = d if best is None else min(best, d)',
  '    return best',
].join('\n');

interface Session {
  state: TriggerState;
  seq: number;
  results: { at: number; res: StepResult; code: string; cursor?: { line: number; col: number } }[];
}

const newSession = (): Session => ({ state: emptyState(), seq: 0, results: [] });

async function update(s: Session, settings: TriggerSettings, at: number, code: string, language = 'javascript', cursor?: { line: number; col: number }): Promise<StepResult> {
  const analysis = await analyzeCode(code, language).catch(() => null);
  const seq = ++s.seq;
  const res = step(SID, { type: 'code_update', seq, code, language, ts: at, ...(cursor ? { cursor } : {}) }, at, s.state, settings, analysis);
  s.state = applyStep(s.state, seq, at, res);
  s.results.push({ at, res, code, cursor });
  return res;
}

function tick(s: Session, settings: TriggerSettings, at: number): StepResult {
  const res = tickStep(SID, at, s.state, settings);
  s.state = applyStep(s.state, s.state.lastSeq, at, res);
  s.results.push({ at, res, code: s.state.lastCode });
  return res;
}

/** Types `code` a few characters at a time, an update per chunk with the cursor after it (as an editor sends). */
async function typeOut(s: Session, settings: TriggerSettings, code: string, from: number, msPerChunk: number, language = 'javascript', chunk = 3): Promise<number> {
  let at = from;
  for (let end = chunk; end < code.length + chunk; end += chunk) {
    const text = code.slice(0, Math.min(end, code.length));
    const lines = text.split('\n');
    await update(s, settings, at, text, language, { line: lines.length, col: lines[lines.length - 1].length });
    at += msPerChunk;
  }
  return at - msPerChunk;
}

/** Follows the schedule: tick at each wake time until nothing is due (or `limit` ticks). */
function followWakes(s: Session, settings: TriggerSettings, limit = 10): StepResult[] {
  const out: StepResult[] = [];
  for (let i = 0; i < limit; i++) {
    const wake = nextWakeAt(s.state, settings);
    if (wake === null) break;
    out.push(tick(s, settings, wake));
  }
  return out;
}

const BASE: TriggerSettings = { minIntervalSec: 0, quietStartSec: 0, maxQuestions: 5, minDiffLines: 3, pendingTimeoutSec: 300, pauseSec: 20 };

test('default settings: a quadratic function written in 20 s, then a pause to think, is asked about on time', async () => {
  const settings = defaultSettings(loadConfig({}));
  assert.equal(settings.pauseSec, 20);
  const s = newSession();
  const last = await typeOut(s, settings, QUADRATIC, T0, 20_000 / (QUADRATIC.length / 3));
  assert.ok(last - T0 <= 21_000);
  assert.ok(s.results.every((r) => r.res.decision.decision === 'skip'), 'nothing asked while typing in the quiet start');
  const ticks = followWakes(s, settings);
  const asks = ticks.filter((r) => r.ask);
  assert.equal(asks.length, 1, JSON.stringify(ticks.map((r) => r.record)));
  const [ask] = asks.map((r) => r.ask!);
  assert.equal(ask.context.function, 'hasDuplicate');
  assert.equal(ask.context.topic, 'time_complexity');
  assert.equal(ask.code, QUADRATIC, 'the ask carries the finished code');
  assert.equal(ask.at, T0 + settings.quietStartSec * 1000, 'asked when the quiet start is over, the candidate still pausing');
  assert.match(ask.requestId, /@\d+$/, 'a tick asks under its own request id');
  assert.equal(asks[0].record.tick, ask.at, 'the decision names the tick that caused it');
});

test('a pause after finishing a function asks (a burst of work, then quiet), once', async () => {
  const s = newSession();
  const last = await typeOut(s, BASE, PY_QUADRATIC, T0, 150, 'python');
  assert.ok(s.results.every((r) => !r.res.ask), 'the last line never got its newline: no boundary while typing');
  const wake = nextWakeAt(s.state, BASE);
  assert.equal(wake, last + 20_000, 'the pause itself is the wake');
  assert.equal(tick(s, BASE, wake! - 1).ask, null, 'before the pause is over: no');
  s.state = { ...s.state, lastTickAt: null };
  const res = tick(s, BASE, wake!);
  assert.ok(res.ask, JSON.stringify(res.record));
  assert.equal(res.ask.code, PY_QUADRATIC);
  assert.equal(res.ask.context.function, 'closest_pair');
  assert.equal(nextWakeAt(s.state, BASE) === null || nextWakeAt(s.state, BASE)! > wake!, true, 'no second tick for the same pause');
});

test('mid-token and mid-line updates never ask, even when the code parses; the finished line does', async () => {
  const s = newSession();
  const body = ['function total(xs) {', '  let sum = 0;', '  for (const x of xs) sum += x;', '  return sum'].join('\n');
  // `return su` parses (an identifier), and the cursor is right after it: a token being typed.
  const half = body.slice(0, -1) + '\n}';
  let res = await update(s, BASE, T0, half, 'javascript', { line: 4, col: '  return su'.length });
  assert.equal(res.ask, null);
  assert.equal(res.decision.reasonCode, 'mid_edit', res.decision.reason);
  // The same code with the cursor mid-line (an edit inside the loop header).
  res = await update(s, BASE, T0 + 500, half + ' ', 'javascript', { line: 3, col: 8 });
  assert.equal(res.ask, null);
  // `return sum;`, cursor after the semicolon: the line is complete and the function parses.
  const done = body + ';\n}';
  res = await update(s, BASE, T0 + 1000, done, 'javascript', { line: 4, col: '  return sum;'.length });
  assert.ok(res.ask, JSON.stringify(res.record));
  assert.equal(res.ask.code, done);
  // Without a cursor, a line that keeps growing is being typed.
  const t = newSession();
  await update(t, BASE, T0, 'function f(a) {\n  return a\n}');
  const grown = await update(t, BASE, T0 + 300, 'function f(a) {\n  return a.lengt\n}');
  assert.equal(grown.ask, null);
  // A client that sends whole lines: a line ending in a word that arrived whole is finished.
  const u = newSession();
  await update(u, BASE, T0, 'def total(xs):\n    s = 0\n    for x in xs:\n        s += x', 'python');
  const whole = await update(u, BASE, T0 + 2000, 'def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s', 'python');
  assert.ok(whole.ask, JSON.stringify(whole.record));
});

test('the editor cursor decides the line: complete statements, fresh lines; never inside a line', () => {
  assert.equal(lineComplete('  return sum;', ''), true);
  assert.equal(lineComplete('    ', ''), true);
  assert.equal(lineComplete('  }', ''), true);
  assert.equal(lineComplete('  if (s[i', ''), false);
  assert.equal(lineComplete('  return tot', ''), false);
  assert.equal(lineComplete('  foo(', ')'), false);
  assert.equal(lineComplete('  x = f(a)', ' + 1'), false);
});

test('a candidate held back by the minimum interval is asked when the interval passes, on the code at that boundary', async () => {
  const settings = { ...BASE, minIntervalSec: 90 };
  const s = newSession();
  const first = 'function first(xs) {\n  let n = 0;\n  for (const x of xs) n += x;\n  return n;\n}\n';
  const r1 = await update(s, settings, T0, first);
  assert.ok(r1.ask, 'the first question');
  s.state = { ...s.state, pending: '' }; // answered
  const both = first + '\n' + QUADRATIC + '\n';
  const r2 = await update(s, settings, T0 + 30_000, both);
  assert.equal(r2.decision.reasonCode, 'min_interval');
  assert.ok(r2.decision.backlog.some((c) => c.function === 'hasDuplicate'), 'held back, not lost');
  assert.ok(r2.record.held?.some((m) => m.function === 'hasDuplicate'), 'the record says what is held');
  const wake = nextWakeAt(s.state, settings);
  assert.equal(wake, T0 + 90_000, 'woken when the interval is over, though no code arrives');
  const res = tick(s, settings, wake!);
  assert.ok(res.ask, JSON.stringify(res.record));
  assert.equal(res.ask.context.function, 'hasDuplicate');
  assert.equal(res.ask.code, both);
  assert.equal(res.ask.seq, 2, 'asked on the last code seen');
});

test('a tick decides from the stored analysis: no parse, same result', async () => {
  const s = newSession();
  await typeOut(s, BASE, PY_QUADRATIC, T0, 150, 'python');
  const frozen = structuredClone(s.state);
  const a = tickStep(SID, T0 + 60_000, frozen, BASE);
  const b = tickStep(SID, T0 + 60_000, structuredClone(s.state), BASE);
  assert.deepEqual(a.record, b.record);
  assert.ok(a.ask);
});

test('the size-of-change fallback (no usable parse tree) asks only after a pause', async () => {
  const s = newSession();
  const r = await update(s, BASE, T0, 'a\nb\nc\nd\ne\n', 'other');
  assert.equal(r.ask, null, 'no question on an update without a parse tree');
  assert.equal(r.decision.reasonCode, 'mid_edit');
  const early = tickStep(SID, T0 + 5_000, s.state, BASE);
  assert.equal(early.ask, null, 'a tick before the pause is not a pause');
  const wake = nextWakeAt(s.state, BASE);
  assert.equal(wake, T0 + 20_000);
  const res = tick(s, BASE, wake!);
  assert.equal(res.ask?.reasonCode, 'diff_threshold');
  assert.equal(res.decision.activity.pause, true);
  assert.deepEqual(res.ask?.context.lines, [1, 5], 'it names the region that changed');
});

test('code in a language that parses, broken mid-edit, gets no size-of-change question about nothing in particular', async () => {
  const s = newSession();
  const broken = 'function f(xs) {\n  for (const x of xs) {\n    if (x >\n  let y = [\n  while (\n';
  await update(s, BASE, T0, broken);
  assert.ok(s.state.analysis && s.state.analysis.errorRatio >= 0.5, 'a tree, but not a usable one');
  const res = tick(s, BASE, T0 + 60_000);
  assert.notEqual(res.ask?.reasonCode, 'diff_threshold', JSON.stringify(res.record));
  assert.ok(!s.results.some((r) => r.res.decision.backlog.some((c) => c.reasonCode === 'diff_threshold')));
});

test('time alone changes nothing once the maximum is reached or the session ended', async () => {
  const s = newSession();
  await update(s, { ...BASE, maxQuestions: 0 }, T0, QUADRATIC);
  assert.equal(nextWakeAt(s.state, { ...BASE, maxQuestions: 0 }), null);
  const t = newSession();
  await typeOut(t, BASE, QUADRATIC, T0, 150);
  assert.notEqual(nextWakeAt(t.state, BASE), null);
  assert.equal(nextWakeAt({ ...t.state, ended: true }, BASE), null);
});

test('a tick is not a client frame: sockets reject it, the stream entry schema accepts it from the system', () => {
  assert.throws(() => parseClientFrame(JSON.stringify({ type: 'tick', due: 1 }), { maxFrameBytes: 1e6, maxCodeBytes: 1e6, maxAnswerBytes: 1e6 }),
    (e: unknown) => e instanceof AppError && e.code === 'invalid_message');
  const entry = InEntry.parse({ sessionId: 's1', role: 'system', type: 'tick', frame: JSON.stringify({ type: 'tick', due: 5 }), at: '7' });
  assert.equal(entry.frame.type, 'tick');
});

test('a held-back question about a function is not asked on a pause over code with no parse tree', async () => {
  const settings = { ...BASE, quietStartSec: 60 };
  const s = newSession();
  const r = await update(s, settings, T0, QUADRATIC + '\n');
  assert.equal(r.decision.reasonCode, 'quiet_start');
  assert.ok(s.state.backlog.some((c) => c.function === 'hasDuplicate'));
  // The next update could not be analysed (a grammar failed): no tree, so no key for a function question.
  const seq = ++s.seq;
  const broken = step(SID, { type: 'code_update', seq, code: QUADRATIC + '\nfunction', language: 'javascript', ts: 0 }, T0 + 1000, s.state, settings, null);
  s.state = applyStep(s.state, seq, T0 + 1000, broken);
  const res = tick(s, settings, nextWakeAt(s.state, settings)!);
  assert.ok(!res.ask?.context.function, JSON.stringify(res.record));
});

const SETTLE: TriggerSettings = { ...BASE, settleSec: 5 };

test('brackets decide a line, not its last character: an open call is not finished, strings and comments do not count', () => {
  assert.equal(lineComplete('print(group_anagrams(["eat", "tea"]', ''), false);
  assert.equal(lineComplete('    memo[n] = climb(n - 1, memo)', ''), true, 'balanced: the settle time guards what may follow');
  assert.equal(lineComplete('  const s = "((";', ''), true);
  assert.equal(lineComplete("  x = f(')')", ''), true);
  assert.equal(lineComplete('  foo(a, b) // (sic', ''), false, 'ends in a comment word, not a bracket');
  assert.equal(lineComplete('  out.push([a, b]);', ''), true);
  assert.equal(openBrackets('f(a,\n  g(b)'), 1);
  assert.equal(openBrackets('  b)'), -1, 'the last line of a call split over lines closes more than it opens');
  assert.equal(openBrackets('s = "abc'), 1, 'an unclosed string is unfinished');
  assert.equal(openBrackets('x = 1  # (note'), 0);
  // Strings and comments that run across lines: a docstring, a template literal, a block comment.
  assert.equal(openBrackets('def f(xs):\n    """\n    Returns the pair (i, j\n    Don\'t pass None.\n    """\n    return ('), 1);
  assert.equal(openBrackets('const s = `a (\n b [`;\nfoo('), 1);
  assert.equal(openBrackets('/* (\n [ */ x = [1'), 1);
  assert.equal(openBrackets('msg = "it\'s (" + f(x)'), 0);
});

test('a docstring that spans lines does not leave the code looking unfinished', async () => {
  const code = 'def total(xs):\n    """\n    Sum of xs (all of them.\n    """\n    s = 0\n    for x in xs:\n        s += x\n    return s\n';
  const r = readBoundary(code, { line: 9, col: 0 }, await analyzeCode(code, 'python'), { added: 1, removed: 0, changedLines: [8] });
  assert.equal(r.boundary, true);
});

test('a fresh line inside a statement split over lines is not a boundary', async () => {
  const code = 'def f(xs):\n    return sorted(\n        xs,\n        ';
  const analysis = await analyzeCode(code, 'python');
  const r = readBoundary(code, { line: 4, col: 8 }, analysis, { added: 1, removed: 0, changedLines: [4] });
  assert.equal(r.boundary, false);
  assert.equal(r.line, 4);
  const done = 'def f(xs):\n    return sorted(\n        xs,\n    )\n';
  const r2 = readBoundary(done, { line: 5, col: 0 }, await analyzeCode(done, 'python'), { added: 1, removed: 0, changedLines: [4] });
  assert.equal(r2.boundary, true);
});

test('a function looks done once the candidate moved on or its body ends in a return at body level, not at a guard clause', () => {
  const guard = ['def num_islands(grid):', '    if not grid:', '        return 0', '    rows = len(grid)', ''].join('\n');
  assert.equal(functionLooksDone(guard, { startLine: 1, endLine: 4 }, 5), false, 'a fresh line right after a Python function may still be its body');
  assert.equal(functionLooksDone(guard, { startLine: 1, endLine: 4 }, 4), false);
  assert.equal(functionLooksDone(guard + '\n', { startLine: 1, endLine: 4 }, 6), true, 'a blank line left: moved on');
  assert.equal(functionLooksDone(guard, { startLine: 1, endLine: 4 }, null), true, 'no edited line: nothing tells');
  const py = ['def total(xs):', '    s = 0', '    for x in xs:', '        s += x', '    return s', ''].join('\n');
  assert.equal(functionLooksDone(py, { startLine: 1, endLine: 5 }, 6), true);
  assert.equal(functionLooksDone(py, { startLine: 1, endLine: 5 }, 5), true);
  // An editor that closes braces: the function parses while its body is written.
  const js = ['function f(xs) {', '  if (!xs.length) return 0;', '  ', '}'].join('\n');
  assert.equal(functionLooksDone(js, { startLine: 1, endLine: 4 }, 3), false);
  const jsDone = ['function f(xs) {', '  if (!xs.length) return 0;', '  return xs[0];', '}', ''].join('\n');
  assert.equal(functionLooksDone(jsDone, { startLine: 1, endLine: 4 }, 3), true);
  const jsVoidClosed = ['function f(xs) {', '  if (!xs.length) return 0;', '  xs.sort();', '}', ''].join('\n');
  assert.equal(functionLooksDone(jsVoidClosed, { startLine: 1, endLine: 4 }, 5), true, 'after its closing brace: moved on');
  assert.equal(functionLooksDone(jsVoidClosed, { startLine: 5, endLine: 9 }, 2), true, 'editing elsewhere, before it');
});

test('a guard clause that returns is not a finished function: no question until the rest is written', async () => {
  const s = newSession();
  const start = ['def num_islands(grid):', '    if not grid:', '        return 0', '    rows, cols = len(grid), len(grid[0])', ''].join('\n');
  const r = await update(s, BASE, T0, start, 'python', { line: 5, col: 0 });
  assert.equal(r.ask, null, JSON.stringify(r.record));
  // a body worth a question (a tiny helper never is): count the land cells
  const done = start + ['    count = 0', '    for r in range(rows):', '        for c in range(cols):', "            if grid[r][c] == '1':",
    '                count += 1', '    return count', ''].join('\n');
  const r2 = await update(s, BASE, T0 + 3000, done, 'python', { line: 11, col: 0 });
  assert.ok(r2.ask, JSON.stringify(r2.record));
  assert.equal(r2.ask.context.function, 'num_islands');
});

test('with a settle time, an update at a boundary waits; the tick that finds the candidate still stopped asks', async () => {
  const s = newSession();
  const r = await update(s, SETTLE, T0, QUADRATIC + '\n', 'javascript', { line: 9, col: 0 });
  assert.equal(r.ask, null);
  assert.equal(r.decision.reasonCode, 'settling', r.decision.reason);
  assert.equal(r.wakeAt, T0 + 5_000, 'woken when the settle time is over');
  assert.equal(tickStep(SID, T0 + 4_999, s.state, SETTLE).ask, null, 'not before');
  const res = tick(s, SETTLE, r.wakeAt!);
  assert.ok(res.ask, JSON.stringify(res.record));
  assert.equal(res.ask.context.function, 'hasDuplicate');
  assert.equal(res.ask.code, QUADRATIC + '\n');
});

test('with a settle time, typing that goes on past the boundary is never interrupted', async () => {
  const s = newSession();
  const r = await update(s, SETTLE, T0, QUADRATIC + '\n', 'javascript', { line: 9, col: 0 });
  assert.equal(r.decision.reasonCode, 'settling');
  // The candidate starts the next line before the settle time is over: mid-token, no boundary.
  const typing = QUADRATIC + '\nconsole.log(hasDup';
  const r2 = await update(s, SETTLE, T0 + 2_000, typing, 'javascript', { line: 10, col: 'console.log(hasDup'.length });
  assert.equal(r2.ask, null);
  assert.notEqual(r2.wakeAt, T0 + 5_000, 'the settle wake moved on with the typing');
  // A tick for the old wake is no longer current (a newer update decided) — and would not ask anyway.
  assert.equal(tickStep(SID, T0 + 5_000, s.state, SETTLE).ask, null);
  // The line finished, then quiet: the settle moment of the new boundary asks.
  const done = QUADRATIC + '\nconsole.log(hasDuplicate([1, 2, 1]));\n';
  const r3 = await update(s, SETTLE, T0 + 6_000, done, 'javascript', { line: 11, col: 0 });
  assert.equal(r3.wakeAt, T0 + 11_000);
  assert.ok(tick(s, SETTLE, r3.wakeAt!).ask);
});

test('a gate that opens while the candidate types does not ask: it waits for the settle moment', async () => {
  const settings = { ...SETTLE, quietStartSec: 60 };
  const s = newSession();
  await update(s, settings, T0, QUADRATIC + '\n', 'javascript', { line: 9, col: 0 });
  assert.ok(s.state.backlog.some((c) => c.function === 'hasDuplicate'), 'held back by the quiet start');
  // Typing at the moment the quiet start ends: the last frame, one second before, was at a fresh line.
  await update(s, settings, T0 + 58_000, QUADRATIC + '\nprint', 'javascript', { line: 10, col: 5 });
  await update(s, settings, T0 + 59_000, QUADRATIC + '\n', 'javascript', { line: 9, col: 0 });
  const wake = nextWakeAt(s.state, settings);
  assert.equal(wake, T0 + 60_000, 'the gate opens');
  const atGate = tick(s, settings, wake!);
  assert.equal(atGate.ask, null, 'one second after the last frame: the candidate may be typing');
  assert.equal(atGate.decision.reasonCode, 'settling');
  assert.equal(atGate.wakeAt, T0 + 64_000, 'rescheduled for the settle moment');
  const res = tick(s, settings, atGate.wakeAt!);
  assert.ok(res.ask, JSON.stringify(res.record));
});

test('the service default settles for a few seconds; a session may set its own, and 0 asks on the update itself', () => {
  const settings = defaultSettings(loadConfig({}));
  assert.ok((settings.settleSec ?? 0) >= 3, 'long enough that an editor has sent what is being typed');
  assert.ok((settings.settleSec ?? 0) < (settings.pauseSec ?? 20), 'shorter than a pause');
});

test('of two moments equally worth asking, the one just written is asked; a pause does not raise what stays held', async () => {
  const settings = { ...BASE, quietStartSec: 60 };
  const first = 'function first(xs) {\n  let n = 0;\n  for (const x of xs) n += x;\n  return n;\n}\n';
  const second = 'function second(xs) {\n  let m = 1;\n  for (const x of xs) m *= x;\n  return m;\n}\n';
  const s = newSession();
  await update(s, settings, T0, first, 'javascript', { line: 6, col: 0 });
  const r = await update(s, settings, T0 + 5_000, `${first}\n${second}`, 'javascript', { line: 12, col: 0 });
  assert.equal(r.decision.reasonCode, 'quiet_start');
  const held = s.state.backlog.map((c) => [c.function, c.priority]);
  assert.equal(new Set(held.map(([, p]) => p)).size, 1, `equal worth: ${JSON.stringify(held)}`);
  // The quiet start ends long after the last update: a pause, so both get the pause's favour.
  const res = tick(s, settings, T0 + 60_000);
  assert.equal(res.decision.activity.pause, true);
  assert.equal(res.ask?.context.function, 'second', 'the function next to the caret');
  assert.deepEqual(s.state.backlog.map((c) => [c.function, c.priority]), held.filter(([f]) => f === 'first'), 'held back at its own priority');
});

test('an answer reopens the pending gate even when time alone would not: the held moment is asked then', async () => {
  const s = newSession();
  const first = 'function first(xs) {\n  let n = 0;\n  for (const x of xs) n += x;\n  return n;\n}\n';
  // Two finished functions, the caret inside a line: nothing until the candidate pauses.
  const r = await update(s, BASE, T0, `${first}\n${QUADRATIC}\n`, 'javascript', { line: 3, col: 5 });
  assert.equal(r.ask, null);
  const paused = tick(s, BASE, nextWakeAt(s.state, BASE)!);
  assert.equal(paused.ask?.context.function, 'hasDuplicate', JSON.stringify(paused.record));
  assert.ok(s.state.backlog.some((c) => c.function === 'first'), 'the other moment is held back');
  // The pause that asked is over, and no interval is set: without the answer as a moment of its own,
  // nothing would ask again until new code arrived.
  const noAnswerTime = answered(s.state, s.state.pending);
  assert.equal(nextWakeAt(noAnswerTime, BASE), null);
  const at = paused.ask!.at + 30_000;
  s.state = answered(s.state, s.state.pending, at);
  assert.equal(nextWakeAt(s.state, BASE), at);
  const heldKeys = s.state.backlog.map((c) => `${c.topic}:${c.function}`);
  const res = tick(s, BASE, at);
  assert.ok(res.ask && heldKeys.includes(res.record.asked!.key), JSON.stringify(res.record));
  const after = nextWakeAt(s.state, BASE);
  assert.ok(after === null || after > at, 'acted on once');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCode } from '../shared/analysis/index.ts';
import { CodeUpdate } from '../shared/protocol.ts';
import { sessions } from '../eval/sessions/index.ts';
import { mark, paste, pause, rewrite, type, type SessionScript } from '../eval/sessions/script.ts';
import { CLOCK_BASE, cursorOf, midTokenAt, simulate, type SimEvent } from '../eval/sessions/typing.ts';

const codeFrames = (events: SimEvent[]) => events.filter((e): e is Extract<SimEvent, { kind: 'code' }> => e.kind === 'code');

const tiny = (seed: number): SessionScript => ({
  id: 'tiny', language: 'python', seed, title: 'tiny',
  steps: [
    type('def add(a, b):\n    return a + b\n', { typos: 2 }),
    mark('finished'),
    pause(20),
    ...rewrite({ from: '    return a + b\n' }, '    total = a + b\n    return total\n'),
    paste('\nprint(add(1, 2))\n', 'end'),
  ],
  final: 'def add(a, b):\n    total = a + b\n    return total\n\nprint(add(1, 2))\n',
});

test('the same script and seed give the same frames; another seed types at another rhythm', () => {
  const a = simulate(tiny(5));
  assert.deepEqual(simulate(tiny(5)), a);
  const b = simulate(tiny(6));
  assert.equal(b.code, a.code);
  assert.notDeepEqual(codeFrames(b.events).map((e) => e.at), codeFrames(a.events).map((e) => e.at));
});

test('typos are typed and fixed, a rewrite replaces the block, a paste is reported with its size', () => {
  const sim = simulate(tiny(5));
  assert.equal(sim.code, tiny(5).final);
  const typed = 'def add(a, b):\n    return a + b\n';
  assert.ok(sim.keys.some((k) => !typed.startsWith(k.code) && k.at < sim.marks[0].fromSec * 1000), 'a slip shows in some keystroke');
  assert.ok(sim.keys.some((k) => k.code === 'def add(a, b):\n'), 'the rewrite deletes the block first');
  const pasted = sim.events.filter((e) => e.kind === 'paste');
  assert.deepEqual(pasted.map((e) => e.kind === 'paste' && e.chars), ['\nprint(add(1, 2))\n'.length]);
  // the mark runs from the end of the typing to the end of the pause, plus a moment to read
  const lastTyped = sim.keys.filter((k) => k.code === typed).at(-1)!;
  assert.equal(sim.marks[0].fromSec, (lastTyped.at - 1000) / 1000);
  assert.equal(sim.marks[0].toSec, (lastTyped.at + 22_000) / 1000);
});

test('an anchor that is missing or ambiguous stops the script instead of editing the wrong place', () => {
  const base = { id: 'x', language: 'python' as const, seed: 1, title: 'x', final: '' };
  assert.throws(() => simulate({ ...base, steps: [type('a = 1\na = 1\n'), type('b', { at: { after: 'a = 1' } })] }), /more than once/);
  assert.throws(() => simulate({ ...base, steps: [type('a = 1\n'), type('b', { at: { before: 'c' } })] }), /not in the document/);
});

test('mid-token is true inside a word or line not yet finished, false once the line is typed or on a fresh line', () => {
  const sim = simulate({
    id: 'm', language: 'python', seed: 3, title: 'm', final: '',
    steps: [type('x = compute(1)\n'), pause(5), type('if x >', { unfinished: true }), pause(10), type(' 2:\n    print(x)\n')],
  });
  for (const f of codeFrames(sim.events)) {
    const before = f.frame.code.slice(0, lineOffset(f.frame.code, f.frame.cursor!));
    const lineSoFar = before.slice(before.lastIndexOf('\n') + 1);
    const finished = ['x = compute(1)', 'if x > 2:', '    print(x)'].includes(lineSoFar);
    assert.equal(f.midToken, lineSoFar.trim() !== '' && !finished, `frame ${f.frame.seq} at ${JSON.stringify(lineSoFar)}`);
  }
  // during the pause after "if x >" the editor is mid-line
  const halfTyped = sim.keys.find((k) => k.code.endsWith('if x >'))!;
  assert.equal(midTokenAt(sim, halfTyped.at + 5000), true);
  const firstLine = sim.keys.find((k) => k.code === 'x = compute(1)\n')!;
  assert.equal(midTokenAt(sim, firstLine.at + 2000), false);
});

function lineOffset(code: string, c: { line: number; col: number }): number {
  const lines = code.split('\n');
  return lines.slice(0, c.line - 1).reduce((n, l) => n + l.length + 1, 0) + c.col;
}

test('every recorded session: valid frames in order, a human pace, the script\'s program at the end, and it parses', async () => {
  assert.ok(sessions.length >= 8);
  assert.deepEqual(new Set(sessions.map((s) => s.language)), new Set(['python', 'javascript', 'typescript', 'java', 'go', 'cpp']));
  assert.equal(new Set(sessions.map((s) => s.id)).size, sessions.length);
  for (const s of sessions) {
    const sim = simulate(s);
    const frames = codeFrames(sim.events);
    assert.equal(sim.code, s.final, s.id);
    assert.equal(frames.at(-1)!.frame.code, s.final, `${s.id}: the last frame carries the final code`);
    const minutes = sim.durationMs / 60_000;
    assert.ok(minutes >= 8 && minutes <= 20, `${s.id} lasts ${minutes.toFixed(1)} min`);
    frames.forEach((f, i) => {
      assert.ok(CodeUpdate.safeParse(f.frame).success, `${s.id} frame ${i} is a valid code_update`);
      assert.equal(f.frame.seq, i + 1);
      assert.equal(f.frame.ts, CLOCK_BASE + f.at);
      if (i > 0) assert.ok(f.at > frames[i - 1].at, `${s.id}: frames in time order`);
      const c = f.frame.cursor!;
      const lines = f.frame.code.split('\n');
      assert.ok(c.line >= 1 && c.line <= lines.length && c.col <= lines[c.line - 1].length, `${s.id} frame ${i}: cursor inside the text`);
      const k = sim.keys.filter((x) => x.at <= f.at).at(-1)!;
      assert.deepEqual(c, cursorOf(k.code, k.cursor));
    });
    // every change reaches the server within a second (debounce with a maximum wait)
    for (const k of sim.keys) assert.ok(frames.some((f) => f.at >= k.at && f.at <= k.at + 1000), `${s.id}: keystroke at ${k.at} sent`);
    // 3–6 characters a second while typing (pauses and slow line starts excluded from "typing")
    const gaps = sim.keys.slice(1).map((k, i) => k.at - sim.keys[i].at).filter((g) => g < 3000);
    const typingSec = gaps.reduce((a, b) => a + b, 0) / 1000;
    const typedChars = sim.keys.reduce((n, k, i) => n + (k.paste === undefined ? Math.max(0, k.code.length - (sim.keys[i - 1]?.code.length ?? 0)) : 0), 0);
    const pace = typedChars / typingSec;
    assert.ok(pace >= 3 && pace <= 6, `${s.id}: ${pace.toFixed(1)} chars/s`);
    assert.ok(sim.marks.length >= 3, `${s.id} has marked moments`);
    sim.marks.forEach((m, i) => {
      assert.ok(m.fromSec >= 60 && m.fromSec < m.toSec && m.toSec <= sim.durationMs / 1000 + 2, `${s.id} mark ${i}`);
      if (i > 0) assert.ok(m.fromSec > sim.marks[i - 1].toSec, `${s.id}: marks in order, apart`);
    });
    const a = await analyzeCode(s.final, s.language);
    assert.ok(a && a.parseOk && a.errorRatio === 0, `${s.id}: the final program parses`);
    assert.ok(a.functions.length >= 2, `${s.id}: functions found`);
  }
});

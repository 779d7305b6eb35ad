import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { parseClientFrame, peekClientId } from '../shared/protocol.ts';
import { encodeIn, encodeOut, fieldsToRecord, InEntry, OutEntry, compareStreamIds } from '../shared/streams.ts';

const limits = { maxFrameBytes: 1024 * 1024, maxCodeBytes: 256 * 1024, maxAnswerBytes: 16 * 1024 };

function code(text: string): string | undefined {
  try {
    parseClientFrame(text, limits);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof AppError);
    return err.code;
  }
}

test('valid frames of every type parse', () => {
  assert.equal(code(JSON.stringify({ type: 'code_update', seq: 1, code: 'x', language: 'python', ts: 1, cursor: { line: 1, col: 2 } })), undefined);
  assert.equal(code(JSON.stringify({ type: 'response_submitted', questionId: 'q', answer: 'a', ts: 1 })), undefined);
  assert.equal(code(JSON.stringify({ type: 'editor_event', kind: 'paste', ts: 1, detail: { chars: 300 } })), undefined);
  assert.equal(code(JSON.stringify({ type: 'end_session', id: 'x' })), undefined);
});

test('bad frames get the protocol error code', () => {
  assert.equal(code('{nope'), 'invalid_json');
  assert.equal(code(JSON.stringify({ type: 'shout' })), 'invalid_message');
  assert.equal(code(JSON.stringify({ type: 'code_update', seq: -1, code: 'x', language: 'py', ts: 1 })), 'invalid_message');
  assert.equal(code(JSON.stringify({ type: 'code_update', seq: 1.5, code: 'x', language: 'py', ts: 1 })), 'invalid_message');
  assert.equal(code(JSON.stringify({ type: 'code_update', seq: 1, code: 7, language: 'py', ts: 1 })), 'invalid_message');
  assert.equal(code(JSON.stringify({ type: 'editor_event', kind: 'teleport', ts: 1 })), 'invalid_message');
  assert.equal(code(JSON.stringify([1, 2])), 'invalid_message');
  assert.equal(code('null'), 'invalid_message');
});

test('byte limits count UTF-8 bytes, not characters', () => {
  const under = 'é'.repeat(128 * 1024); // 256 KiB exactly
  assert.equal(code(JSON.stringify({ type: 'code_update', seq: 1, code: under, language: 'py', ts: 1 })), undefined);
  assert.equal(code(JSON.stringify({ type: 'code_update', seq: 1, code: under + 'x', language: 'py', ts: 1 })), 'too_large');
  assert.equal(code(JSON.stringify({ type: 'response_submitted', questionId: 'q', answer: 'x'.repeat(16 * 1024 + 1), ts: 1 })), 'too_large');
  assert.equal(code('x'.repeat(limits.maxFrameBytes + 1)), 'too_large');
});

test('the client id is echoed even from a frame that fails validation', () => {
  assert.equal(peekClientId(JSON.stringify({ type: 'nope', id: 'abc' })), 'abc');
  assert.equal(peekClientId('{bad'), undefined);
});

test('stream entries round-trip through their field encoding', () => {
  const frame = { type: 'code_update' as const, seq: 3, code: 'a\nb', language: 'go', ts: 5 };
  const flat = encodeIn({ sessionId: 's1', role: 'candidate', frame, at: 99 });
  const back = InEntry.parse(fieldsToRecord(flat));
  assert.deepEqual(back, { sessionId: 's1', role: 'candidate', type: 'code_update', frame, at: 99 });
  const out = OutEntry.parse(fieldsToRecord(encodeOut('question', { questionId: 'q', text: 't', reason: 'r', lines: [1, 2] })));
  assert.equal(out.type, 'question');
  assert.equal(out.audience, 'all');
  assert.throws(() => encodeOut('evaluation', { questionId: 'q', score: 140, rubric: {}, rationale: '', flags: [] }));
});

test('stream ids compare numerically', () => {
  assert.equal(compareStreamIds('9-0', '10-0'), -1);
  assert.equal(compareStreamIds('10-2', '10-10'), -1);
  assert.equal(compareStreamIds('10-2', '10-2'), 0);
});

test('the hand-checked code_update path accepts exactly what the schema accepts, as the schema returns it', async () => {
  const { ClientFrame, parseClientText } = await import('../shared/protocol.ts');
  const base = { type: 'code_update', id: 'c1', seq: 3, code: 'x = 1\n', language: 'python', ts: 5, cursor: { line: 1, col: 0 } };
  const variants: Record<string, unknown>[] = [
    base, { ...base, id: undefined }, { ...base, cursor: undefined }, { ...base, id: '' }, { ...base, id: 'x'.repeat(129) },
    { ...base, id: 'a\u0000' }, { ...base, id: 7 }, { ...base, seq: -1 }, { ...base, seq: 1.5 }, { ...base, seq: 2 ** 53 },
    { ...base, seq: '3' }, { ...base, code: 'a\ud800b' }, { ...base, code: '😀 ok' }, { ...base, code: 5 }, { ...base, language: '' },
    { ...base, language: 'x'.repeat(33) }, { ...base, language: 'py thon' }, { ...base, language: 'c++' }, { ...base, ts: -1 },
    { ...base, ts: 1.25 }, { ...base, ts: '1' }, { ...base, cursor: null }, { ...base, cursor: [] }, { ...base, cursor: { line: 1 } },
    { ...base, cursor: { line: 1, col: -1 } }, { ...base, cursor: { line: 1, col: 0, extra: 1 } }, { ...base, extra: true },
  ];
  for (const v of variants) {
    const text = JSON.stringify(v);
    const schema = ClientFrame.safeParse(JSON.parse(text));
    let got: { frame: unknown; verbatim: boolean } | undefined;
    try {
      got = parseClientText(text, limits);
    } catch {
      got = undefined;
    }
    assert.equal(got !== undefined, schema.success, text);
    if (got && schema.success) {
      assert.deepEqual(got.frame, schema.data, text);
      assert.equal(got.verbatim, !('extra' in v) && !(v.cursor && typeof v.cursor === 'object' && 'extra' in v.cursor), text);
    }
  }
});

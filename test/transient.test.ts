import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTransient } from '../shared/transient.ts';

// Which failures are a dependency's (retried longer, never dead-lettered early) and which are the entry's.

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test('connection, shutdown, deadlock and serialization failures are transient', () => {
  for (const e of [coded('ECONNREFUSED'), coded('ECONNRESET'), coded('57P01'), coded('08006'), coded('40P01'), coded('40001'), coded('53300'),
    new Error('Connection terminated unexpectedly'), new Error('timeout exceeded when trying to connect'), new Error('Connection is closed.'),
    new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed')]) {
    assert.equal(isTransient(e), true, String(e));
  }
});

test('what the entry itself causes is not', () => {
  for (const e of [new Error('boom'), coded('23505', 'duplicate key'), coded('22P02', 'invalid input syntax'), new TypeError('x is undefined'),
    new AggregateError([coded('ECONNREFUSED'), new Error('bad')], 'mixed'), null, 'Connection terminated']) {
    assert.equal(isTransient(e), false, String(e));
  }
});

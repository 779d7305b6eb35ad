// Failures that say nothing about the entry being handled: a dependency is down or restarting, or
// the database asked us to try again. Such an entry is retried without counting towards the
// dead-letter limit (up to a far higher bound), so that an outage of Postgres or Redis for a while
// does not push good work into the dead-letter stream.

const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

// PostgreSQL SQLSTATEs: connection exceptions (08…), shutdown/crash (57P01-57P03), too many
// connections (53300), serialization failure and deadlock (40001, 40P01): all "try again".
const PG_RETRY = /^(08...|57P0[123]|53300|40001|40P01)$/;

const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Connection is closed/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /LOADING Redis is loading/i,
  /Stream isn't writeable/i,
  /max retries per request/i,
];

export function isTransient(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NET_CODES.has(e.code) || PG_RETRY.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((re) => re.test(e.message as string))) return true;
  // AggregateError (e.g. a connect that tried IPv4 and IPv6): transient when every cause is.
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isTransient);
}

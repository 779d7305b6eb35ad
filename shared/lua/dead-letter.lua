-- dead-letter: copy a message that failed too often to P:dlq with its error, and acknowledge it
-- in its group, in one step, so it is neither lost nor retried forever.
-- KEYS[1] source stream
-- KEYS[2] P:dlq stream
-- ARGV[1] group
-- ARGV[2] entry id
-- ARGV[3] error message
-- ARGV[4] delivery count
-- ARGV[5] original fields (JSON object)
-- ARGV[6] MAXLEN for P:dlq (approximate)
local dlqId = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], '*',
  'stream', KEYS[1], 'group', ARGV[1], 'id', ARGV[2], 'error', ARGV[3], 'deliveries', ARGV[4], 'fields', ARGV[5])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return dlqId

-- emit-once: append an entry to a session's out stream at most once per dedupe id, so that a
-- redelivered message (consumer crash after XADD, before XACK) does not show a question twice.
-- KEYS[1] P:out:<sessionId> stream
-- KEYS[2] P:once:<sessionId> hash: dedupe id -> entry id
-- ARGV[1] dedupe id
-- ARGV[2] ttl in seconds for KEYS[2]
-- ARGV[3] MAXLEN for the out stream (approximate)
-- ARGV[4..] fields of the out entry
-- Returns the entry id (the existing one when already emitted).
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return existing end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
redis.call('HSET', KEYS[2], ARGV[1], id)
redis.call('EXPIRE', KEYS[2], ARGV[2])
return id

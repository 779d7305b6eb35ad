-- trigger-end: the session ended; the trigger asks nothing more and the session leaves the schedule.
-- Bumps the version so a decision computed before the end cannot commit after it.
-- KEYS[1] P:state:<sessionId>
-- KEYS[2] P:due sorted set
-- ARGV[1] session id
-- ARGV[2] ttl seconds for KEYS[1]
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
redis.call('HSET', KEYS[1], 'ended', '1', 'version', tostring(version + 1))
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1

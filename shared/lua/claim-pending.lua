-- claim-pending: make a follow-up question the session's one pending question, unless another
-- question already waits (never two unanswered at once). The parent may still be marked pending if
-- the trigger has not yet seen its answer; the follow-up takes its place.
-- KEYS[1] P:state:<sessionId>
-- ARGV[1] parent question id
-- ARGV[2] follow-up question id
-- ARGV[3] now (ms)
-- Returns 1 when claimed (or already claimed by this follow-up), 0 otherwise.
local pending = redis.call('HGET', KEYS[1], 'pending') or ''
if pending == ARGV[2] then return 1 end
if pending ~= '' and pending ~= ARGV[1] then return 0 end
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
redis.call('HSET', KEYS[1], 'pending', ARGV[2], 'pendingSince', ARGV[3], 'version', tostring(version + 1))
return 1

-- trigger-follow-up: the agent asks a follow-up question. It becomes the session's one pending
-- question (blocking the trigger's next question until it is answered or times out), resets the
-- interval like any question, and counts toward the session's maximum unless the session's
-- followUpsCount setting is off (the trigger keeps maxQuestions and followUpsCount in the state).
-- Refused when another question waits, the session ended, or the maximum is reached.
-- The parent may still be marked pending if the trigger has not yet seen its answer; the follow-up
-- takes its place.
-- KEYS[1] P:state:<sessionId>
-- ARGV[1] parent question id
-- ARGV[2] follow-up question id
-- ARGV[3] now (ms)
-- Returns 1 when claimed (or already claimed by this follow-up), 0 otherwise.
local pending = redis.call('HGET', KEYS[1], 'pending') or ''
if pending == ARGV[2] then return 1 end
if pending ~= '' and pending ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'ended') == '1' then return 0 end
if redis.call('HGET', KEYS[1], 'followUpsCount') ~= '0' then
  local max = tonumber(redis.call('HGET', KEYS[1], 'maxQuestions') or '')
  local asked = tonumber(redis.call('HGET', KEYS[1], 'asked') or '0')
  if max and asked >= max then return 0 end
  redis.call('HINCRBY', KEYS[1], 'asked', 1)
end
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
redis.call('HSET', KEYS[1], 'pending', ARGV[2], 'pendingSince', ARGV[3], 'lastAskAt', ARGV[3], 'version', tostring(version + 1))
redis.call('HINCRBY', KEYS[1], 'followUps', 1)
return 1

-- trigger-schedule: put a session's next wake time on the schedule, or take it off, if its trigger
-- state is still the version the time was computed from (a newer change schedules for itself).
-- KEYS[1] P:state:<sessionId>
-- KEYS[2] P:due sorted set
-- ARGV[1] the state version the wake time was computed from
-- ARGV[2] wake time (ms), or '' for none
-- ARGV[3] session id
-- Returns 1 when written, 0 when the state moved on.
if (redis.call('HGET', KEYS[1], 'version') or '0') ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'ended') ~= '1' then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
else
  redis.call('ZREM', KEYS[2], ARGV[3])
end
return 1

-- trigger-due: claim the sessions whose wake time has come, and turn each into a tick entry on P:in,
-- atomically: every trigger replica runs this on its own timer, and each due wake becomes exactly one
-- tick (one decision per moment). The tick is an ordinary P:in entry, so the trigger group consumes
-- it once, a crash redelivers it, and the snapshotter archives it for the audit replay.
-- KEYS[1] P:due sorted set (session id -> wake time, ms)
-- KEYS[2] P:in stream
-- ARGV[1] now (ms): the tick's time
-- ARGV[2] at most this many sessions per call
-- Returns the number of ticks written.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
local n = 0
for i = 1, #due, 2 do
  local sid = due[i]
  local at = string.format('%d', tonumber(due[i + 1]))
  redis.call('ZREM', KEYS[1], sid)
  redis.call('XADD', KEYS[2], '*', 'sessionId', sid, 'role', 'system', 'type', 'tick',
    'frame', '{"type":"tick","due":' .. at .. '}', 'at', ARGV[1])
  n = n + 1
end
return n

-- trigger-answered: clear the pending question when its answer arrives (only that question, so a
-- late answer to an older question cannot unblock a newer one).
-- KEYS[1] P:state:<sessionId>
-- ARGV[1] question id
-- ARGV[2] when the answer arrived (ms; optional): the gate it opens is a moment of its own (nextWakeAt)
-- Returns 1 when cleared, 0 otherwise.
if redis.call('HGET', KEYS[1], 'pending') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'pending', '', 'version', tostring(tonumber(redis.call('HGET', KEYS[1], 'version') or '0') + 1))
  if ARGV[2] and ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'answeredAt', ARGV[2]) end
  return 1
end
return 0

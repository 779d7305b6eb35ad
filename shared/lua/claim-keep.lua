-- claim-keep: keep (or hand over) this consumer's claim on entries it still holds. XCLAIM with
-- min-idle-time 0 sets the entry's idle time (JUSTID: the delivery counter is not incremented, and
-- the entry is not sent back), but only for entries still pending on this consumer: one another
-- replica has claimed meanwhile, or that was acknowledged, is left alone.
-- KEYS[1] stream
-- ARGV[1] group
-- ARGV[2] consumer
-- ARGV[3] idle time to set, ms: 0 keeps the claim; the claim idle limit hands the entry over at once
-- ARGV[4..] entry ids (at most a few hundred per call)
-- Returns the ids that were still pending on this consumer.
local args = {'XCLAIM', KEYS[1], ARGV[1], ARGV[2], '0'}
for i = 4, #ARGV do
  local row = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])
  if #row > 0 then args[#args + 1] = ARGV[i] end
end
if #args == 5 then return {} end
args[#args + 1] = 'IDLE'
args[#args + 1] = ARGV[3]
args[#args + 1] = 'JUSTID'
return redis.call(unpack(args))

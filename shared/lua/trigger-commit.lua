-- trigger-commit: apply one trigger decision to a session's state, request a question when the
-- decision is to ask, and put the session's next wake time on the schedule, as one atomic
-- compare-and-set. Two trigger replicas handling the same session at once: the one whose version is
-- stale gets 'conflict', re-reads and decides again.
-- KEYS[1] P:state:<sessionId> hash: version, lastSeq, startedAt, lastAskAt, asked, pending, pendingSince, base, ...
-- KEYS[2] P:ask stream
-- KEYS[3] P:out:<sessionId> stream (a decision interviewers see; archived with the out stream)
-- KEYS[4] P:due sorted set (session id -> next wake time, ms)
-- ARGV[1] expected version ('0' when the hash does not exist yet)
-- ARGV[2] seq of the code_update, or '' for a tick (lastSeq stays)
-- ARGV[3] 'ask' | 'skip'
-- ARGV[4] entry time (ms)
-- ARGV[5] pending question id (ask only)
-- ARGV[6] code that becomes the new baseline (ask only), packed (services/trigger/pack.ts) into baseZ
-- ARGV[7] ttl seconds for KEYS[1]
-- ARGV[8] extra state as a JSON object of string fields to set (e.g. the last analysis summary)
-- ARGV[9] fields of the decision's out entry as a JSON array, or '' for no out entry (a routine
--         decision is for the audit only and goes to the outbox instead, ARGV[14..15])
-- ARGV[10] MAXLEN for the out stream (approximate)
-- ARGV[11] ms after which an unanswered question no longer blocks the next one
-- ARGV[12] next wake time (ms), or '' for none
-- ARGV[13] session id (the member of KEYS[4])
-- ARGV[14] outbox field ('dec:<archive id>') for a decision only the audit reads, or ''
-- ARGV[15] its archive payload (the decision, JSON); the trigger archives it to Postgres and
--          deletes the field before it acknowledges the entry, so at rest the outbox is empty
-- ARGV[16..] fields of the P:ask entry (ask only)
-- Returns {'ok', askId or ''} | {'conflict', version} | {'stale', lastSeq} | {'busy', pending}
local version = redis.call('HGET', KEYS[1], 'version') or '0'
if version ~= ARGV[1] then return {'conflict', version} end
local lastSeq = redis.call('HGET', KEYS[1], 'lastSeq')
if ARGV[2] ~= '' and lastSeq and tonumber(ARGV[2]) <= tonumber(lastSeq) then return {'stale', lastSeq} end
local askId = ''
if ARGV[3] == 'ask' then
  local pending = redis.call('HGET', KEYS[1], 'pending')
  local since = tonumber(redis.call('HGET', KEYS[1], 'pendingSince') or '0')
  if pending and pending ~= '' and tonumber(ARGV[4]) - since < tonumber(ARGV[11]) then return {'busy', pending} end
  askId = redis.call('XADD', KEYS[2], '*', unpack(ARGV, 16))
  redis.call('HSET', KEYS[1], 'lastAskAt', ARGV[4], 'pending', ARGV[5], 'pendingSince', ARGV[4], 'baseZ', ARGV[6])
  redis.call('HDEL', KEYS[1], 'base') -- the unpacked form a state written before packing may hold
  redis.call('HINCRBY', KEYS[1], 'asked', 1)
end
if not redis.call('HGET', KEYS[1], 'startedAt') then redis.call('HSET', KEYS[1], 'startedAt', ARGV[4]) end
local extra = cjson.decode(ARGV[8])
for k, v in pairs(extra) do redis.call('HSET', KEYS[1], k, v) end
-- packed fields replace the unpacked ones a state written before packing may hold
if extra['lastCodeZ'] then redis.call('HDEL', KEYS[1], 'lastCode') end
if extra['analysisZ'] then redis.call('HDEL', KEYS[1], 'analysis') end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'lastSeq', ARGV[2]) end
redis.call('HSET', KEYS[1], 'version', tostring(tonumber(version) + 1))
if ARGV[9] ~= '' then
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[10], '*', unpack(cjson.decode(ARGV[9])))
end
if ARGV[14] ~= '' then redis.call('HSET', KEYS[1], ARGV[14], ARGV[15]) end
if ARGV[12] ~= '' and redis.call('HGET', KEYS[1], 'ended') ~= '1' then
  redis.call('ZADD', KEYS[4], ARGV[12], ARGV[13])
else
  redis.call('ZREM', KEYS[4], ARGV[13])
end
redis.call('EXPIRE', KEYS[1], ARGV[7])
return {'ok', askId}

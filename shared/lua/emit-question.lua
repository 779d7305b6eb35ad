-- emit-question: emit-once for a question, refused once the session has ended. The check and the
-- XADD are one step, so a question whose model call was still running when end_session arrived
-- never lands after session_ended (ingest.lua sets `closed` together with writing session_ended).
-- A question already shown before the end keeps its entry id: a redelivery is answered as emit-once.
-- KEYS[1] P:out:<sessionId> stream
-- KEYS[2] P:once:<sessionId> hash: dedupe id -> entry id
-- KEYS[3] P:ingest:<sessionId> hash: 'closed' = '1' once the session's end was accepted
-- ARGV[1] dedupe id
-- ARGV[2] ttl in seconds for KEYS[2]
-- ARGV[3] MAXLEN for the out stream (approximate)
-- ARGV[4..] fields of the out entry
-- Returns {'ok', entry id} (the existing one when already emitted) | {'closed', ''} (nothing written).
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return {'ok', existing} end
if redis.call('HGET', KEYS[3], 'closed') == '1' then return {'closed', ''} end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
redis.call('HSET', KEYS[2], ARGV[1], id)
redis.call('EXPIRE', KEYS[2], ARGV[2])
return {'ok', id}

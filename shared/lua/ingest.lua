-- ingest: append one client frame to P:in exactly once per (session, seq), atomically with the
-- session's seq bookkeeping, so that a resent frame gets its first ack and never a second entry.
-- KEYS[1] P:in                 stream
-- KEYS[2] P:ingest:<sessionId> hash: 's:<seq>' -> first entry id, 'last' -> highest seq, 'closed'
-- KEYS[3] P:out:<sessionId>    stream (session_ended is written here when the frame ends the session)
-- ARGV[1] seq, or '' for frames without one
-- ARGV[2] '1' when the frame ends the session
-- ARGV[3] ttl in seconds for KEYS[2]
-- ARGV[4] session_ended out-entry data (JSON)
-- ARGV[5] MAXLEN for the out stream (approximate)
-- ARGV[6] ttl in seconds of the closed marker (as long as any token of the session may be used)
-- ARGV[7..] fields of the P:in entry
-- Returns {status, value}: {'ok', id} | {'dup', firstId} | {'stale', lastSeq} | {'closed', ''}
local seq = ARGV[1]
if seq ~= '' then
  local first = redis.call('HGET', KEYS[2], 's:' .. seq)
  if first then return {'dup', first} end
end
if redis.call('HGET', KEYS[2], 'closed') == '1' then return {'closed', ''} end
if seq ~= '' then
  local last = redis.call('HGET', KEYS[2], 'last')
  if last and tonumber(seq) <= tonumber(last) then return {'stale', last} end
end
local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 7))
if seq ~= '' then
  redis.call('HSET', KEYS[2], 's:' .. seq, id, 'last', seq)
end
if ARGV[2] == '1' then
  -- Closed for as long as a token could still try to write. Only the acks of the last 100 seqs
  -- are kept: a client resending after the end resends what it sent last.
  local last = tonumber(redis.call('HGET', KEYS[2], 'last') or '-1')
  local fields = redis.call('HKEYS', KEYS[2])
  for _, f in ipairs(fields) do
    local n = string.match(f, '^s:(%d+)$')
    if n and tonumber(n) <= last - 100 then redis.call('HDEL', KEYS[2], f) end
  end
  redis.call('HSET', KEYS[2], 'closed', '1')
  redis.call('EXPIRE', KEYS[2], ARGV[6])
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', 'type', 'session_ended', 'audience', 'all', 'data', ARGV[4])
  return {'ok', id}
end
redis.call('EXPIRE', KEYS[2], ARGV[3])
return {'ok', id}

-- ingest-batch: append many client frames (of any sessions) to P:in in one call — a group commit —
-- each exactly once per (session, seq), atomically with its session's seq bookkeeping, so that a
-- resent frame gets its first ack and never a second entry. One call costs Redis a fixed ≈ 4 µs on
-- top of its commands, which is why frames are not sent one call each.
-- KEYS[1]      P:in                 stream
-- KEYS[2i]     P:ingest:<sid>       hash of frame i's session (fields below)
-- KEYS[2i+1]   P:out:<sid>          stream of frame i's session (session_ended goes there)
-- ARGV[1]      now, unix seconds (when the bookkeeping's TTL was last refreshed is compared to it)
-- ARGV[2]      MAXLEN of out streams (approximate)
-- ARGV[3..]    per frame, in order: seq ('' for frames without one), live TTL (s), closed TTL (s, or
--              '' when the frame does not end the session), session_ended data (JSON, or ''), n,
--              then the n fields of the P:in entry
-- Returns a flat list, two items per frame: status, value —
--   'ok' id | 'dup' firstId | 'stale' lastSeq | 'closed' '' | 'err' message (that frame only)
--
-- The hash, bounded whatever the session's length:
--   'r<seq % 128>' = '<seq>:<entryId>' a ring of the last 128 accepted seqs (a client resends only
--                    what was not acked and has at most 64 frames in flight per socket, so the seq
--                    it resends is still in the ring)
--   'last'   highest accepted seq      'closed' '1' once the session ended
--   'exp'    unix time the TTL runs out as last set: the TTL is refreshed once a quarter of it has
--            passed, not on every frame
-- A seq at or below 'last' that is not in the ring (older than the window, or a seq that was never
-- sent) is stale_seq: refused, nothing written. Keys written before the ring kept 's:<seq>' fields;
-- those are still read on that path, so a resend across the upgrade keeps its first ack.
local WINDOW = 128
local now = tonumber(ARGV[1])
local outMax = ARGV[2]
local sessions = {}
local touched = {}
local result = {}

-- Writes a session's pending ring entries, last seq and (when due) the TTL in one HSET.
local function persist(key, s)
  if s.closed then return end
  if s.lastDirty then
    s.pending[#s.pending + 1] = 'last'
    s.pending[#s.pending + 1] = s.lastSeq
    s.lastDirty = false
  end
  if s.refresh then
    s.pending[#s.pending + 1] = 'exp'
    s.pending[#s.pending + 1] = tostring(now + s.ttl)
  end
  if #s.pending > 0 then
    redis.call('HSET', key, unpack(s.pending))
    s.pending = {}
  end
  if s.refresh then
    redis.call('EXPIRE', key, s.ttl)
    s.exp = now + s.ttl
    s.refresh = false
  end
end

local function firstIdOf(key, s, seq, num)
  local slot = 'r' .. (num % WINDOW)
  local held = s.ring[slot] or redis.call('HGET', key, slot)
  if held then
    local c = string.find(held, ':', 1, true)
    if c and string.sub(held, 1, c - 1) == seq then return string.sub(held, c + 1) end
  end
  return redis.call('HGET', key, 's:' .. seq) or nil
end

-- The end of a session: closed for as long as a token could still try to write. Only the acks of
-- the last 100 seqs are kept (a client resending after the end resends what it sent last).
local function close(key, s, closedTtl)
  persist(key, s)
  local keep = (s.last or -1) - 100
  local all = redis.call('HGETALL', key)
  for j = 1, #all, 2 do
    local f, v = all[j], all[j + 1]
    local n
    if string.sub(f, 1, 1) == 'r' then n = tonumber(string.match(v, '^(%d+):')) else n = tonumber(string.match(f, '^s:(%d+)$')) end
    if n and n <= keep then redis.call('HDEL', key, f) end
  end
  redis.call('HSET', key, 'closed', '1')
  redis.call('EXPIRE', key, closedTtl)
  s.closed = true
  s.ring = {}
end

local i = 0
local a = 3
while a <= #ARGV do
  i = i + 1
  local key = KEYS[2 * i]
  local seq, ttl, closedTtl, ended = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2], ARGV[a + 3]
  local first = a + 5
  local last = a + 4 + tonumber(ARGV[a + 4])
  a = last + 1

  local s = sessions[key]
  if not s then
    local h = redis.call('HMGET', key, 'last', 'closed', 'exp')
    s = { last = tonumber(h[1]), lastSeq = h[1], closed = h[2] == '1', exp = tonumber(h[3]), ring = {}, pending = {}, ttl = ttl }
    sessions[key] = s
    touched[#touched + 1] = key
  end

  local status, value
  local num = tonumber(seq)
  -- Only a seq at or below the last accepted one can be a resend.
  if num and s.last and num <= s.last then
    local firstId = firstIdOf(key, s, seq, num)
    if firstId then status, value = 'dup', firstId end
  end
  if not status and s.closed then status, value = 'closed', '' end
  if not status and num and s.last and num <= s.last then status, value = 'stale', s.lastSeq end
  if not status then
    local id = redis.pcall('XADD', KEYS[1], '*', unpack(ARGV, first, last))
    if type(id) == 'table' then
      status, value = 'err', tostring(id.err)
    else
      status, value = 'ok', id
      if num then
        local slot = 'r' .. (num % WINDOW)
        local held = seq .. ':' .. id
        s.ring[slot] = held
        s.pending[#s.pending + 1] = slot
        s.pending[#s.pending + 1] = held
        s.last, s.lastSeq, s.lastDirty = num, seq, true
      end
      s.ttl = ttl
      if not s.exp or s.exp - now <= ttl * 3 / 4 then s.refresh = true end
      if closedTtl ~= '' then
        close(key, s, closedTtl)
        redis.call('XADD', KEYS[2 * i + 1], 'MAXLEN', '~', outMax, '*', 'type', 'session_ended', 'audience', 'all', 'data', ended)
      end
    end
  end
  result[#result + 1] = status
  result[#result + 1] = value
end

for _, key in ipairs(touched) do persist(key, sessions[key]) end
return result

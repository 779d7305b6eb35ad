-- chat-append: add one turn to a session's chat history and fold the oldest turns into the summary
-- (element 0) when the window is full, in one step, so concurrent agents never lose or double a turn.
-- KEYS[1] P:chat:<sessionId> list: [summary JSON, turn JSON, ...]; each turn has a one-line `digest`
-- ARGV[1] the turn (JSON object with a `digest` field)
-- ARGV[2] turns kept verbatim
-- ARGV[3] maximum characters of the summary (oldest digests fall off first)
-- ARGV[4] ttl seconds
-- Returns the number of turns folded into the summary.
local key = KEYS[1]
if redis.call('LLEN', key) == 0 then
  redis.call('RPUSH', key, cjson.encode({ role = 'summary', text = '' }))
end
redis.call('RPUSH', key, ARGV[1])
local folded = 0
local summary = cjson.decode(redis.call('LINDEX', key, 0))
while redis.call('LLEN', key) - 1 > tonumber(ARGV[2]) do
  local oldest = cjson.decode(redis.call('LINDEX', key, 1))
  redis.call('LSET', key, 1, '__folded__')
  redis.call('LREM', key, 1, '__folded__')
  local text = summary.text
  if text ~= '' then text = text .. '\n' end
  text = text .. (oldest.digest or '')
  local max = tonumber(ARGV[3])
  if #text > max then
    text = string.sub(text, #text - max + 1)
    local nl = string.find(text, '\n', 1, true)
    if nl then text = string.sub(text, nl + 1) end
  end
  summary.text = text
  folded = folded + 1
end
if folded > 0 then redis.call('LSET', key, 0, cjson.encode(summary)) end
redis.call('EXPIRE', key, ARGV[4])
return folded

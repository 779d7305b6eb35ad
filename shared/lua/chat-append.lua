-- chat-append: add one turn to a session's chat history and fold the oldest turns into the summary
-- (element 0) when the window is full, in one step, so concurrent agents never lose or double a turn.
-- A turn with a key (`<questionId>:<role>`) is added once: a redelivered message that appends the
-- same turn again finds its key in the window, or among the keys of turns folded into the summary
-- (the newest ARGV[6] of them are kept there), and changes nothing.
-- KEYS[1] P:chat:<sessionId> list: [summary JSON {role, text, keys?}, turn JSON, ...]; each turn has
--         a one-line `digest` and, when keyed, a `key`
-- ARGV[1] the turn (JSON object with a `digest` field)
-- ARGV[2] turns kept verbatim
-- ARGV[3] maximum characters of the summary (oldest digests fall off first)
-- ARGV[4] ttl seconds
-- ARGV[5] the turn's key, or '' for a turn that is always appended
-- ARGV[6] how many keys of folded turns the summary remembers
-- Returns {appended (1 | 0 when the key was already there), number of turns folded into the summary}.
local key = KEYS[1]
local turnKey = ARGV[5] or ''
if redis.call('LLEN', key) == 0 then
  redis.call('RPUSH', key, cjson.encode({ role = 'summary', text = '' }))
end
local summary = cjson.decode(redis.call('LINDEX', key, 0))
if turnKey ~= '' then
  if type(summary.keys) == 'table' then
    for _, k in ipairs(summary.keys) do
      if k == turnKey then
        redis.call('EXPIRE', key, ARGV[4])
        return {0, 0}
      end
    end
  end
  for _, raw in ipairs(redis.call('LRANGE', key, 1, -1)) do
    local ok, t = pcall(cjson.decode, raw)
    if ok and type(t) == 'table' and t.key == turnKey then
      redis.call('EXPIRE', key, ARGV[4])
      return {0, 0}
    end
  end
end
redis.call('RPUSH', key, ARGV[1])
local folded = 0
local keepKeys = tonumber(ARGV[6] or '0') or 0
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
  if type(oldest.key) == 'string' and oldest.key ~= '' and keepKeys > 0 then
    local keys = type(summary.keys) == 'table' and summary.keys or {}
    table.insert(keys, oldest.key)
    while #keys > keepKeys do table.remove(keys, 1) end
    summary.keys = keys
  end
  folded = folded + 1
end
if folded > 0 then redis.call('LSET', key, 0, cjson.encode(summary)) end
redis.call('EXPIRE', key, ARGV[4])
return {1, folded}

-- trim-in: trim P:in below what every consumer group has acknowledged, so trimming never drops an
-- entry some group still has to handle (pending) or has not yet been given (undelivered).
-- KEYS[1] P:in stream
-- ARGV[1..] the groups that must all have seen an entry before it may go
-- Returns {trimmed count, floor id} or {-1, missing group name} when a group does not exist yet.
local function less(a, b)
  local am, as = string.match(a, '(%d+)-(%d+)')
  local bm, bs = string.match(b, '(%d+)-(%d+)')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am < bm or (am == bm and as < bs)
end
local infos = redis.call('XINFO', 'GROUPS', KEYS[1])
local last = {}
for _, g in ipairs(infos) do
  local name, delivered
  for i = 1, #g, 2 do
    if g[i] == 'name' then name = g[i + 1] end
    if g[i] == 'last-delivered-id' then delivered = g[i + 1] end
  end
  last[name] = delivered
end
local floor = nil
for i = 1, #ARGV do
  local group = ARGV[i]
  local delivered = last[group]
  if not delivered then return {-1, group} end
  local bound = delivered
  local pending = redis.call('XPENDING', KEYS[1], group)
  if pending[1] > 0 and less(pending[2], bound) then bound = pending[2] end
  if floor == nil or less(bound, floor) then floor = bound end
end
if floor == nil or floor == '0-0' then return {0, '0-0'} end
local trimmed = redis.call('XTRIM', KEYS[1], 'MINID', floor)
return {trimmed, floor}

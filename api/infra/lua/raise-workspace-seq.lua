-- Raises a workspace's change-log sequence number and announces it (api/infra/workspace-seq.ts).
-- KEYS[1]: <prefix>:seq:<workspace>   KEYS[2]: <prefix>:seq-raised (channel)
-- ARGV[1]: the batch's highest seq     ARGV[2]: the message to publish (JSON SeqRaised)
-- Sets KEYS[1] to ARGV[1] unless it holds more already (never lowers it), then publishes ARGV[2].
-- Returns 1.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
redis.call('PUBLISH', KEYS[2], ARGV[2])
return 1

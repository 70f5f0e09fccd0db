-- wrk script: each connection waits `pause` ms between requests, so that `connections / pause` sets a steady
-- rate (wrk itself only knows "as fast as possible"). Latency percentiles then describe that steady load.
local pause = tonumber(os.getenv("PAUSE_MS") or "10")
local token = os.getenv("TOKEN")
if token then wrk.headers["Authorization"] = "Bearer " .. token end
function delay() return pause end

-- wrk -s mixed.lua: the mixed traffic of scripts/stress/run.sh, against the site run.sh generates.
--
-- Every request goes out with request(); every answer is judged in response() by what it carries,
-- not by which request it answers: wrk does not tell which request an answer belongs to (the Lua
-- state is per thread and shared by that thread's connections). So each kind of request has an
-- answer no other kind can get:
--   static small / 4 KiB / index  200 with the file's exact body (or its marker)
--   CGI                           200 with the script's marker
--   missing file                  404 with the marker of the error page of route /missing only
--   upload (raw or multipart)     201 with a Location under /uploads/
--   DELETE of an uploaded file    204 (the Location of a 201, each deleted once)
-- Anything else (another status, a 200 with the wrong body, a 404 without the marker) is unexpected.
--
-- done() adds up every thread's counts and prints machine-readable "STRESS key value" lines.

-- The bodies run.sh puts in the site: keep both files in step.
local SMALL_BODY = "stress small file\n"
local BIG_BYTES = 4096
local BIG_PREFIX = "stress-4k:"
local INDEX_MARKER = "stress-index-page"
local CGI_MARKER = "stress-cgi-ok"
local PROBE_404_MARKER = "stress-probe-404"

-- The mix, in weights (DELETEs come on top: one per upload that got its 201).
local MIX = {
  { kind = "small", weight = 30 },
  { kind = "big", weight = 20 },
  { kind = "index", weight = 15 },
  { kind = "missing", weight = 5 },
  { kind = "cgi", weight = 10 },
  { kind = "upload_raw", weight = 8 },
  { kind = "upload_multipart", weight = 4 },
}
local RAW_UPLOAD_BYTES = 16 * 1024
local MULTIPART_FILE_BYTES = 4 * 1024
local BOUNDARY = "stressBoundary7MA4YWxkTrZu0gW"

-- setup() runs in wrk's main Lua state, once per thread: keep the threads to read their counts in done().
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

-- init() runs in each thread's own state; these globals are per thread.
function init(args)
  math.randomseed(id)                   -- a reproducible mix per thread
  total_weight = 0
  for _, m in ipairs(MIX) do total_weight = total_weight + m.weight end
  seq = 0                               -- makes every upload's name unique
  to_delete = {}                        -- Locations of stored uploads, not deleted yet
  sent = {}                             -- requests sent, by kind
  ok = {}                               -- expected answers, by kind
  unexpected = {}                       -- unexpected answers, by "status" or "status-what"
  raw_body = string.rep("0123456789abcdef", RAW_UPLOAD_BYTES / 16)
  multipart_file = string.rep("multipart-file!\n", MULTIPART_FILE_BYTES / 16)
end

local function bump(t, key)
  t[key] = (t[key] or 0) + 1
end

local function pick_kind()
  local r = math.random() * total_weight
  for _, m in ipairs(MIX) do
    r = r - m.weight
    if r < 0 then return m.kind end
  end
  return MIX[#MIX].kind
end

local function next_name(ext)
  seq = seq + 1
  return string.format("t%d-%d.%s", id, seq, ext)
end

local function multipart_request()
  local body = "--" .. BOUNDARY .. "\r\n"
    .. 'Content-Disposition: form-data; name="file"; filename="' .. next_name("txt") .. '"\r\n'
    .. "Content-Type: text/plain\r\n\r\n"
    .. multipart_file .. "\r\n--" .. BOUNDARY .. "--\r\n"
  return wrk.format("POST", "/uploads/",
    { ["Content-Type"] = "multipart/form-data; boundary=" .. BOUNDARY }, body)
end

local REQUESTS = {
  small = function() return wrk.format("GET", "/small.txt") end,
  big = function() return wrk.format("GET", "/4k.bin") end,
  index = function() return wrk.format("GET", "/") end,
  missing = function() return wrk.format("GET", "/missing/nothing-here.txt") end,
  cgi = function() return wrk.format("GET", "/cgi-bin/hello.sh?n=" .. math.random(1000)) end,
  upload_raw = function()
    return wrk.format("POST", "/uploads/" .. next_name("bin"),
      { ["Content-Type"] = "application/octet-stream" }, raw_body)
  end,
  upload_multipart = multipart_request,
}

function request()
  -- Delete what was stored first, so the upload directory stays small however long the run.
  local location = table.remove(to_delete)
  if location then
    bump(sent, "delete")
    return wrk.format("DELETE", location)
  end
  local kind = pick_kind()
  bump(sent, kind)
  return REQUESTS[kind]()
end

local function has(body, marker)
  return body ~= nil and string.find(body, marker, 1, true) ~= nil
end

-- Which expected answer this is, or nil.
local function classify(status, headers, body)
  if status == 200 then
    if body == SMALL_BODY then return "small" end
    if #body == BIG_BYTES and string.sub(body, 1, #BIG_PREFIX) == BIG_PREFIX then return "big" end
    if has(body, INDEX_MARKER) then return "index" end
    if has(body, CGI_MARKER) then return "cgi" end
  elseif status == 201 then
    local location = headers["Location"] or headers["location"]
    if location and string.sub(location, 1, 9) == "/uploads/" then
      table.insert(to_delete, location)
      return "upload"
    end
  elseif status == 204 then
    return "delete"
  elseif status == 404 and has(body, PROBE_404_MARKER) then
    return "missing"
  end
  return nil
end

function response(status, headers, body)
  local kind = classify(status, headers, body or "")
  if kind then
    bump(ok, kind)
  elseif status == 200 or status == 404 then
    bump(unexpected, status .. "-wrong-body")
  else
    bump(unexpected, tostring(status))
  end
end

-- Sums the table `name` of every thread (thread:get copies a table out of the thread's state).
local function sum_over_threads(name)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get(name) or {}) do
      total[key] = (total[key] or 0) + n
    end
  end
  return total
end

function done(summary, latency, requests)
  local e = summary.errors
  local function out(key, value) io.write(string.format("STRESS %s %s\n", key, value)) end
  out("requests", summary.requests)
  out("duration_us", summary.duration)
  out("bytes", summary.bytes)
  out("err_connect", e.connect)
  out("err_read", e.read)
  out("err_write", e.write)
  out("err_timeout", e.timeout)
  out("p50_us", latency:percentile(50))
  out("p99_us", latency:percentile(99))
  out("max_us", latency.max)
  for prefix, name in pairs({ sent = "sent", ok = "ok", unexpected = "unexpected" }) do
    for key, n in pairs(sum_over_threads(name)) do
      out(prefix .. "_" .. key, n)
    end
  end
end

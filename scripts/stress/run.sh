#!/usr/bin/env bash
# A bounded stress run of the built server (issue #6): mixed traffic with wrk for DURATION seconds,
# then checks that nothing leaked. Not part of `mvn verify`: run it by hand from the project root,
#
#   scripts/stress/run.sh                       # 60 s, wrk -t2 -c64
#   DURATION=10 CONNECTIONS=128 scripts/stress/run.sh
#
# It generates a site in a temporary directory (static files, an upload route, a CGI script), starts
# `java -jar server-app/target/webserv.jar` on a free 127.0.0.1 port, warms it up, records a baseline
# (open fds, threads, RSS, heap after a full GC), runs wrk with mixed.lua, waits for the server to
# settle and records the same again. It prints a Markdown summary and exits non-zero when an answer
# was unexpected or a socket error happened (availability < 100 %), when the fds do not come back to
# the baseline, when a CGI child is left over, or when an upload left a temporary file behind.
#
# Knobs (environment): DURATION=60 WARMUP=5 THREADS=2 CONNECTIONS=64 WRK_TIMEOUT=10s WORKERS=1
#   FD_TOLERANCE=3 SETTLE_TIMEOUT=30 (seconds to wait for fds, children and temp files to go)
#   JAVA=java JAVA_OPTS= (default heap and GC) ACCESS_LOG=0 (1: access log into the temp dir)
#   KEEP_TMP=0 (1: keep the temp dir: config, site, server.log)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/scripts/stress
JAR=$ROOT/server-app/target/webserv.jar

DURATION=${DURATION:-60} WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-64} WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
WORKERS=${WORKERS:-1} FD_TOLERANCE=${FD_TOLERANCE:-3} SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-30}
JAVA=${JAVA:-java} JAVA_OPTS=${JAVA_OPTS:-} ACCESS_LOG=${ACCESS_LOG:-0} KEEP_TMP=${KEEP_TMP:-0}

SERVER_PID='' TMP='' PORT=''

log() { echo "stress: $*" >&2; }
die() { log "$*"; exit 2; }

# --- preconditions -------------------------------------------------------------------------------

check_tools() {
  [ -f "$JAR" ] || die "$JAR is missing: build it first with 'mvn -q package -DskipTests'"
  local tool
  for tool in wrk curl python3 jcmd timeout "$JAVA"; do
    command -v "$tool" >/dev/null || die "'$tool' is not on PATH"
  done
  [ -d /proc/self/fd ] || die "needs Linux /proc to count fds"
}

# --- the site --------------------------------------------------------------------------------------

# Writes the site, the CGI script and the configuration into $TMP. The bodies and markers must match
# the constants at the top of mixed.lua, which recognises each answer by them.
make_site() {
  mkdir -p "$TMP/www/missing" "$TMP/uploads" "$TMP/cgi-bin"
  printf 'stress small file\n' > "$TMP/www/small.txt"
  # 4096 bytes exactly, starting with the marker mixed.lua checks.
  python3 -c 'import sys; sys.stdout.write(("stress-4k:" + "x" * 4096)[:4095] + "\n")' > "$TMP/www/4k.bin"
  printf '<!DOCTYPE html><html><head><title>stress</title></head><body><p>stress-index-page</p></body></html>\n' \
    > "$TMP/www/index.html"
  # The error page of route /missing only: a 404 that carries it can only answer the missing-file probe.
  printf '<!DOCTYPE html><html><body><p>stress-probe-404</p></body></html>\n' > "$TMP/www/probe-404.html"
  cat > "$TMP/cgi-bin/hello.sh" <<'SH'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\nstress-cgi-ok %s\n' "$QUERY_STRING"
SH
  chmod +x "$TMP/cgi-bin/hello.sh"

  local access_log=off
  [ "$ACCESS_LOG" = 1 ] && access_log=access.log
  # The body limit of /uploads is well above the 16 KiB raw and ~4 KiB multipart bodies mixed.lua sends.
  cat > "$TMP/webserv.yaml" <<YAML
workers: $WORKERS
access_log: $access_log
timeouts: { header: 10s, body: 30s, keep_alive: 75s, send: 30s, cgi: 10s, shutdown: 5s }
servers:
  - listen: ["127.0.0.1:$PORT"]
    root: www
    index: [index.html]
    routes:
      - path: /
        methods: [GET]
      - path: /missing
        error_pages: { 404: /probe-404.html }
      - path: /uploads
        root: uploads
        upload_dir: uploads
        methods: [GET, POST, DELETE]
        client_max_body_size: 1m
      - path: /cgi-bin
        root: cgi-bin
        methods: [GET, POST]
        cgi: { .sh: "" }
YAML
}

# --- the server ------------------------------------------------------------------------------------

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Polls until the server serves a file, or fails at the deadline or when the process dies.
start_server() {
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" $JAVA_OPTS -jar "$JAR" "$TMP/webserv.yaml" > "$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 30))
  until curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/small.txt" 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$TMP/server.log" >&2; die "the server exited at start"; }
    [ $SECONDS -lt $deadline ] || { tail -n 20 "$TMP/server.log" >&2; die "the server does not answer after 30 s"; }
    sleep 0.1
  done
  # Attach once now: the JVM opens its attach socket and thread on the first jcmd and keeps them, so
  # the baseline below must already include them.
  jcmd_bounded VM.version > /dev/null
}

# jcmd with a deadline: a JVM that does not answer the attach must not hang the run.
jcmd_bounded() { timeout 30 jcmd "$SERVER_PID" "$@"; }

# Fails the run, with the end of the server's log, when the server is gone (crashed, killed).
require_alive() {
  kill -0 "$SERVER_PID" 2>/dev/null && return
  log "FAIL: the server died $1; server log (last 30 lines):"; tail -n 30 "$TMP/server.log" >&2
  exit 1
}

# SIGTERM, then wait for the exit (SPEC §1: in-flight work ends within timeouts.shutdown, exit 0).
# Sets STOP_STATUS and STOP_MS.
stop_server() {
  local started=$EPOCHREALTIME
  kill -TERM "$SERVER_PID"
  local deadline=$((SECONDS + 20))
  while kill -0 "$SERVER_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    log "the server still runs 20 s after SIGTERM: killing it"
    kill -KILL "$SERVER_PID"
  fi
  STOP_STATUS=0
  wait "$SERVER_PID" || STOP_STATUS=$?
  STOP_MS=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
  SERVER_PID=
}

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$TMP" ]; then
    if [ "$KEEP_TMP" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  fi
}

# --- measures of the server process --------------------------------------------------------------

fds() { find "/proc/$SERVER_PID/fd" -mindepth 1 -maxdepth 1 | wc -l; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$SERVER_PID/status"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status"; }
peak_rss_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status"; }
children() { ps --ppid "$SERVER_PID" -o pid=,stat=,args= || true; }   # zombies too (stat Z)
child_count() { children | wc -l; }
# Upload temporary files (.upload-*.part): one left after the load is an upload that was not cleaned up.
temp_uploads() { find "$TMP/uploads" -name '.upload-*' -type f | wc -l; }

# Used heap (KiB) after a full GC: the live data, which RSS does not show (a JVM keeps its heap).
heap_after_gc_kib() {
  jcmd_bounded GC.run > /dev/null
  jcmd_bounded GC.heap_info | awk '
    /(heap|generation) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } }
    END { print sum + 0 }'
}

# Polls until COMMAND prints a number <= LIMIT, or until SETTLE_TIMEOUT; prints the last value.
wait_at_most() {
  local limit=$1 value; shift
  local deadline=$((SECONDS + SETTLE_TIMEOUT))
  while value=$("$@"); [ "$value" -gt "$limit" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  echo "$value"
}

# Polls until the fd count is the same five times in a row (1 s): the warm-up's connections are closed.
wait_fds_stable() {
  local last=-1 same=0 now deadline=$((SECONDS + SETTLE_TIMEOUT))
  while [ $same -lt 5 ] && [ $SECONDS -lt $deadline ]; do
    now=$(fds)
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0 last=$now; fi
    sleep 0.2
  done
}

# record ARRAY: fills the associative array BEFORE or AFTER. RSS is read before and after the full
# GC: G1 may give memory back to the system on a full GC, so the second reading compares like with
# like across the run.
declare -A BEFORE=() AFTER=()
# shellcheck disable=SC2034 # `into` is a nameref: what is set is the caller's array
record() {
  local -n into=$1
  into["fds"]=$(fds)
  into["threads"]=$(threads)
  into["rss"]=$(rss_kib)
  into["heap"]=$(heap_after_gc_kib)
  into["rss_gc"]=$(rss_kib)
}

# --- the load --------------------------------------------------------------------------------------

# run_wrk SECONDS OUTPUT: wrk with mixed.lua, the server sampled every second meanwhile (peak fds,
# threads and CGI children during the load).
run_wrk() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout "$WRK_TIMEOUT" -s "$HERE/mixed.lua" \
    "http://127.0.0.1:$PORT" > "$2" 2>&1 &
  local wrk_pid=$! n
  PEAK_FDS=0 PEAK_THREADS=0 PEAK_CHILDREN=0
  while kill -0 "$wrk_pid" 2>/dev/null && kill -0 "$SERVER_PID" 2>/dev/null; do
    n=$(fds); [ "$n" -gt "$PEAK_FDS" ] && PEAK_FDS=$n
    n=$(threads); [ "$n" -gt "$PEAK_THREADS" ] && PEAK_THREADS=$n
    n=$(child_count); [ "$n" -gt "$PEAK_CHILDREN" ] && PEAK_CHILDREN=$n
    sleep 1
  done
  wait "$wrk_pid" || { cat "$2" >&2; die "wrk failed"; }
  require_alive "under load"
}

# Reads the "STRESS key value" lines of mixed.lua's done() into the associative array W.
declare -A W=()
read_wrk_results() {
  local tag key value
  while read -r tag key value; do
    [ "$tag" = STRESS ] && W[$key]=$value
  done < "$1"
}

# --- the report ------------------------------------------------------------------------------------

mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
ms() { awk -v u="$1" 'BEGIN { printf "%.2f ms", u / 1000 }'; }
# A list "k1 n1, k2 n2" of the W entries whose key starts with PREFIX, or "none".
list_of() {
  local key out=()
  for key in $(printf '%s\n' "${!W[@]}" | grep "^$1" | sort || true); do out+=("${key#"$1"} ${W[$key]}"); done
  local joined
  joined=$(IFS=,; echo "${out[*]}")
  joined=${joined//,/, }
  echo "${joined:-none}"
}

report() {
  local requests=${W[requests]:-0} key
  OK=0
  for key in "${!W[@]}"; do [[ $key != ok_* ]] || OK=$((OK + W[$key])); done
  local socket_errors=$((W[err_connect] + W[err_read] + W[err_write] + W[err_timeout]))
  ATTEMPTS=$((requests + socket_errors))
  AVAILABILITY=$(awk -v o="$OK" -v a="$ATTEMPTS" 'BEGIN { printf "%.4f", a ? o * 100 / a : 0 }')
  local rate
  rate=$(awk -v r="$requests" -v d="${W[duration_us]}" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
  cat <<MD

## Stress run: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1)

wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (mixed.lua), workers: $WORKERS, JAVA_OPTS='${JAVA_OPTS}',
machine load average (1 min) before / after the load: $LOAD_BEFORE / $LOAD_AFTER (other work skews req/s and latency)

| measure | value |
|---|---|
| requests (answers) | $requests |
| requests/s | $rate |
| availability (expected answers / (answers + socket errors)) | $AVAILABILITY % ($OK of $ATTEMPTS) |
| expected answers by kind | $(list_of ok_) |
| requests sent by kind | $(list_of sent_) |
| unexpected answers by status | $(list_of unexpected_) |
| socket errors: connect / read / write / timeout | ${W[err_connect]} / ${W[err_read]} / ${W[err_write]} / ${W[err_timeout]} |
| latency p50 / p99 / max | $(ms "${W[p50_us]}") / $(ms "${W[p99_us]}") / $(ms "${W[max_us]}") |
| open fds: before / peak under load / after | ${BEFORE[fds]} / $PEAK_FDS / ${AFTER[fds]} (tolerance ±$FD_TOLERANCE) |
| threads: before / peak / after | ${BEFORE[threads]} / $PEAK_THREADS / ${AFTER[threads]} |
| RSS: before / peak (VmHWM) / after | $(mib "${BEFORE[rss]}") / $(mib "$PEAK_RSS") / $(mib "${AFTER[rss]}") |
| RSS after a full GC: before / after | $(mib "${BEFORE[rss_gc]}") / $(mib "${AFTER[rss_gc]}") |
| heap used after a full GC: before / after | $(mib "${BEFORE[heap]}") / $(mib "${AFTER[heap]}") |
| CGI children: peak under load / left after | $PEAK_CHILDREN / $LEFT_CHILDREN |
| upload temp files left | $LEFT_TEMP |
| SIGTERM: exit status / time to exit | $STOP_STATUS / ${STOP_MS} ms |
MD
}

# --- main ------------------------------------------------------------------------------------------

main() {
  check_tools
  TMP=$(mktemp -d /tmp/webserv-stress.XXXXXX)
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  PORT=$(free_port)
  make_site
  start_server
  log "server pid $SERVER_PID on http://127.0.0.1:$PORT, files in $TMP"

  log "warm-up: ${WARMUP}s (JIT, pools, page cache; not counted)"
  run_wrk "$WARMUP" "$TMP/wrk-warmup.txt"
  wait_fds_stable
  record BEFORE

  log "load: ${DURATION}s, wrk -t$THREADS -c$CONNECTIONS"
  LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
  run_wrk "$DURATION" "$TMP/wrk.txt"
  LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
  read_wrk_results "$TMP/wrk.txt"
  PEAK_RSS=$(peak_rss_kib)

  log "waiting up to ${SETTLE_TIMEOUT}s for fds, CGI children and upload temp files to go"
  wait_at_most $((BEFORE[fds] + FD_TOLERANCE)) fds > /dev/null
  wait_at_most 0 child_count > /dev/null
  wait_at_most 0 temp_uploads > /dev/null
  require_alive "after the load"
  record AFTER
  LEFT_CHILDREN=$(child_count)
  LEFT_TEMP=$(temp_uploads)
  local leftover; leftover=$(children)

  stop_server
  report

  local failed=0
  # Compared as integers: 99.99999 % would print as 100.0000.
  if [ "$ATTEMPTS" = 0 ] || [ "$OK" != "$ATTEMPTS" ]; then
    log "FAIL: availability $AVAILABILITY % ($((ATTEMPTS - OK)) failed of $ATTEMPTS)"; failed=1
  fi
  local fd_change=$((AFTER[fds] - BEFORE[fds]))
  if [ "${fd_change#-}" -gt "$FD_TOLERANCE" ]; then
    log "FAIL: open fds ${BEFORE[fds]} before, ${AFTER[fds]} after"; failed=1
  fi
  if [ "$LEFT_CHILDREN" != 0 ]; then log "FAIL: children left: $leftover"; failed=1; fi
  if [ "$LEFT_TEMP" != 0 ]; then log "FAIL: $LEFT_TEMP upload temp files left"; failed=1; fi
  if [ "$STOP_STATUS" != 0 ]; then log "FAIL: exit status $STOP_STATUS after SIGTERM"; failed=1; fi
  if [ $failed = 1 ]; then
    log "server log (last 30 lines):"; tail -n 30 "$TMP/server.log" >&2
    exit 1
  fi
  log "PASS"
}

main "$@"

#!/usr/bin/env bash
# One webserv through the shared bench's order of work — a warm-up of small, index and large, then
# REPS rounds of the three, each a new wrk run with new connections — printing for every run its
# req/s, p50 and p99 and what the JIT did meanwhile (methods compiled; compiled code made not entrant:
# replaced by a better tier, or thrown away when an assumption broke).
# The bench keeps one server up through all of that; a server whose compiled code is thrown away when
# the kind of work changes spends the start of each repetition recompiling, on the CPU it serves from.
# This is the script that showed it (docs/performance.md, "The JIT across the bench's phases").
#
#   scripts/bench/phases.sh [REPS=3]
#
# Knobs (environment): JAR=server-app/target/webserv.jar, PORT=18181, DURATION=10, JAVA_OPTS (added
# after the bench's -XX:+UseSerialGC -Xms256m -Xmx1g). Needs wrk. Server on CPU 0, wrk on CPU 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench/common.sh

REPS=${1:-3}
JAR=${JAR:-server-app/target/webserv.jar}
PORT=${PORT:-18181}
DURATION=${DURATION:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -q package -DskipTests)" >&2; exit 2; }

bench_workdir phases

bench_files "$work/www"
webserv_yaml "$PORT" "$work/www" > "$work/webserv.yaml"

# shellcheck disable=SC2086
"${server_cpu[@]}" java "${bench_jvm[@]}" -XX:+PrintCompilation ${JAVA_OPTS:-} \
  -jar "$JAR" "$work/webserv.yaml" > "$work/server.log" 2>&1 &
server_pid=$!
wait_for_port "$PORT"

run() {  # run LABEL PATH CONNECTIONS
  local before after
  before=$(wc -l < "$work/server.log")
  "${client_cpu[@]}" wrk -t1 -c"$3" -d"${DURATION}s" --latency --timeout 5s \
    "http://127.0.0.1:$PORT$2" > "$work/wrk.txt"
  after=$(wc -l < "$work/server.log")
  sed -n "$((before + 1)),${after}p" "$work/server.log" > "$work/jit.txt"
  printf '%-8s %-11s %10s req/s  p50 %-9s p99 %-9s compiled %4s  made not entrant %4s\n' "$1" "$2" \
    "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$work/wrk.txt")" \
    "$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")" "$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")" \
    "$(grep -vc 'made not entrant' "$work/jit.txt" || true)" "$(grep -c 'made not entrant' "$work/jit.txt" || true)"
  sleep 0.5
}

phases() {  # phases LABEL
  run "$1" /hello.txt 64
  run "$1" /index.html 64
  run "$1" /1m.bin 16
}

phases warm-up
for rep in $(seq "$REPS"); do phases "rep $rep"; done

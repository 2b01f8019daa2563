#!/usr/bin/env bash
# Compares builds of webserv by the server's CPU per request, split into user and system time.
# On this kind of machine the system part (the TCP stack, ~80 % of a small request) swings by a
# quarter between two 5 s runs with the machine's own load, while the user part (our code and the
# JIT's) holds still: a change to Java code shows in the user column long before the total moves.
#
#   scripts/bench/cpu-split.sh [ROUNDS=3] JAR...
#
# For each round and each jar, in turn: a new JVM (the bench's -XX:+UseSerialGC -Xms256m -Xmx1g), a
# 10 s wrk warm-up, then RUNS (3) runs of DURATION (5) seconds, each printed as
#   total=user+system µs per request / req/s
# Knobs (environment): URLPATH=/hello.txt (or /index.html, /1m.bin), CONNS=64, RUNS=3, DURATION=5,
# PORT=18182. Needs wrk. Server on CPU 0, wrk on CPU 1. Reads /proc/PID/stat (clock ticks: at
# 100 Hz one tick is 0.01 µs per request over a million requests).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=common.sh
source scripts/bench/common.sh

rounds=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
[ $# -ge 1 ] || { echo "usage: $0 [ROUNDS] JAR..." >&2; exit 2; }
urlpath=${URLPATH:-/hello.txt} conns=${CONNS:-64} runs=${RUNS:-3} duration=${DURATION:-5} port=${PORT:-18182}
command -v wrk >/dev/null || { echo "needs wrk" >&2; exit 1; }

bench_workdir cpu-split
bench_files "$work/www"
webserv_yaml "$port" "$work/www" > "$work/webserv.yaml"
url="http://127.0.0.1:$port$urlpath"

cpu_ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }  # utime stime, in clock ticks

for _ in $(seq "$rounds"); do
  for jar in "$@"; do
    "${server_cpu[@]}" java "${bench_jvm[@]}" -jar "$jar" "$work/webserv.yaml" > "$work/server.log" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
    "${client_cpu[@]}" wrk -t1 -c"$conns" -d10s "$url" > /dev/null
    line=$(basename "$jar")
    for _ in $(seq "$runs"); do
      read -r u0 s0 < <(cpu_ticks "$server_pid")
      "${client_cpu[@]}" wrk -t1 -c"$conns" -d"${duration}s" "$url" > "$work/wrk.txt"
      read -r u1 s1 < <(cpu_ticks "$server_pid")
      requests=$(grep -o '^ *[0-9]* requests' "$work/wrk.txt" | awk '{print $1}')
      hz=$(getconf CLK_TCK)
      line+=$(awk -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v n="$requests" -v hz="$hz" -v d="$duration" \
        'BEGIN { k = 1e6 / hz / n; printf "  %.2f=%.2f+%.2f / %.0f", (u + s) * k, u * k, s * k, n / d }')
    done
    echo "$line"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
    server_pid=
  done
done

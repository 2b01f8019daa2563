#!/usr/bin/env bash
# A load test anyone can rerun: webserv (and nginx, when installed) serving the same three files,
# driven by wrk, one after the other, with the server's own CPU time per request.
#
#   scripts/bench/load.sh [webserv] [nginx]        both by default
#
# Knobs (environment): DURATION=10 (seconds measured per scenario), WARMUP=5 (seconds, not counted;
# the JVM gets twice this), JAR=server-app/target/webserv.jar, PORT=18180.
# Needs wrk (apt-get install wrk); nginx is optional. With two or more CPUs the server runs on CPU 0
# and wrk on CPU 1 (taskset), as the team's referee ../shared/bench does; that harness is the one to
# use for claims (it interleaves repetitions and more peers): see docs/performance.md.
# Compare figures of one run only: absolute numbers move several-fold between machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench/common.sh

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
JAR=${JAR:-server-app/target/webserv.jar}
PORT=${PORT:-18180}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(webserv nginx)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -q package -DskipTests)" >&2; exit 2; }

bench_workdir load
chmod 755 "$work" # nginx's worker runs as another user when started as root

bench_files "$work/www"

start_webserv() {
  webserv_yaml "$PORT" "$work/www" > "$work/webserv.yaml"
  "${server_cpu[@]}" java "${bench_jvm[@]}" -jar "$JAR" "$work/webserv.yaml" > "$work/webserv.log" 2>&1 &
  server_pid=$!
}

start_nginx() {
  mkdir -p "$work/nginx"
  cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
error_log $work/nginx/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 16384; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 300s;
  keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  default_type application/octet-stream;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$PORT; root $work/www; index index.html; }
}
EOF
  "${server_cpu[@]}" nginx -c "$work/nginx/nginx.conf" > "$work/nginx.log" 2>&1 &
  server_pid=$!
}

# Server CPU time in clock ticks: the process, its threads and its child processes (nginx's worker).
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

printf '%-8s %-22s %12s %10s %10s %12s\n' target scenario req/s p99 MiB/s "srv µs/req"
for target in "${targets[@]}"; do
  case "$target" in
    webserv) start_webserv; warm=$((WARMUP * 2)) ;;
    nginx)
      command -v nginx >/dev/null || { echo "nginx: not installed, skipped (apt-get install nginx)"; continue; }
      start_nginx; warm=$WARMUP ;;
    *) echo "unknown target $target (webserv or nginx)" >&2; exit 2 ;;
  esac
  wait_for_port "$PORT"
  for scenario in "small /hello.txt 64" "index /index.html 64" "large /1m.bin 16"; do
    read -r name path conns <<< "$scenario"
    url="http://127.0.0.1:$PORT$path"
    "${client_cpu[@]}" wrk -t1 -c"$conns" -d"${warm}s" "$url" > /dev/null
    before=$(cpu_ticks "$server_pid")
    "${client_cpu[@]}" wrk -t1 -c"$conns" -d"${DURATION}s" --latency "$url" > "$work/wrk.txt"
    after=$(cpu_ticks "$server_pid")
    python3 - "$work/wrk.txt" "$((after - before))" "$(getconf CLK_TCK)" "$target" "$name $path c$conns" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
ticks, hz, target, scenario = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
requests = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = re.search(r"99%\s+(\S+)", text).group(1)
transfer = re.search(r"Transfer/sec:\s+([\d.]+)(\w+)", text)
mib = float(transfer.group(1)) * {"B": 1 / 1048576, "KB": 1 / 1024, "MB": 1, "GB": 1024}[transfer.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", text)
us = ticks / hz * 1e6 / requests if requests else float("nan")
print(f"{target:<8} {scenario:<22} {rps:12.0f} {p99:>10} {mib:10.1f} {us:12.1f}" + (f"  ({errors.group(0)})" if errors else ""))
EOF
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
done

# Shared by the load scripts here (sourced, not run): the files they serve, webserv's configuration
# for them, which CPU runs what, and waiting for a server's port.

# The files every scenario asks for: 13 bytes, a 4 KiB page, 1 MiB (the shared bench's three).
bench_files() {  # bench_files DIR
  mkdir -p "$1"
  printf 'Hello, world\n' > "$1/hello.txt"
  head -c 4096 /dev/zero | tr '\0' 'x' > "$1/index.html"
  head -c 1048576 /dev/urandom > "$1/1m.bin"
}

# webserv's configuration as the shared bench generates it: one loop, no access log, keep-alive 300 s.
webserv_yaml() {  # webserv_yaml PORT ROOT > FILE
  cat <<YAML
workers: 1
max_connections: 16384
timeouts: { keep_alive: 300s }
access_log: off
servers:
  - listen: ["127.0.0.1:$1"]
    root: $2
    index: [index.html]
YAML
}

# The JVM options the shared bench gives every Java server.
bench_jvm=(-XX:+UseSerialGC -Xms256m -Xmx1g)

# A scratch directory in $work, removed at exit, and the server whose pid is in $server_pid stopped.
bench_workdir() {  # bench_workdir NAME
  work=$(mktemp -d -t "webserv-$1.XXXXXX")
  server_pid=
  trap bench_cleanup EXIT
}
bench_cleanup() {
  [ -z "${server_pid:-}" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}

# With two or more CPUs the server runs on CPU 0 and wrk on CPU 1, as the shared bench pins them.
server_cpu=() client_cpu=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_cpu=(taskset -c 0) client_cpu=(taskset -c 1)
fi

wait_for_port() {  # wait_for_port PORT: up to 10 s
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 1).close()" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "the server did not open port $1" >&2
  return 1
}

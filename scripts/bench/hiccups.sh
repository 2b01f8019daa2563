#!/usr/bin/env bash
# How long the machine itself takes a CPU away: one process per CPU spins reading the clock for
# SECONDS and counts the gaps between two reads, with no server running. Any gap here lands in
# every server's latency tail when it hits the server's or the client's CPU — a hypervisor's
# preemption, a kernel thread (this VM's DAMON `kdamond.0`), an interrupt storm. Run it before
# reading a p99 from the bench: a 99th percentile within a few of these stalls is the machine's.
#
#   scripts/bench/hiccups.sh [SECONDS=10]
#
# Prints, per CPU, the gaps over 0.1, 0.5, 1, 2 and 5 ms, and the longest. Needs python3.
set -euo pipefail
seconds=${1:-10}
spin='
import sys, time
cpu, seconds = sys.argv[1], float(sys.argv[2])
limits = (100_000, 500_000, 1_000_000, 2_000_000, 5_000_000)
counts = [0] * len(limits)
longest = 0
now = time.monotonic_ns
last = now()
end = last + int(seconds * 1e9)
while last < end:
    t = now()
    gap = t - last
    last = t
    if gap > limits[0]:
        longest = max(longest, gap)
        for i, limit in enumerate(limits):
            if gap > limit:
                counts[i] += 1
print("cpu %s  >0.1ms %5d  >0.5ms %4d  >1ms %4d  >2ms %4d  >5ms %3d  longest %.2f ms"
      % (cpu, *counts, longest / 1e6))
'
pids=()
for cpu in $(seq 0 $(($(nproc) - 1))); do
  taskset -c "$cpu" python3 -c "$spin" "$cpu" "$seconds" &
  pids+=($!)
done
wait "${pids[@]}"

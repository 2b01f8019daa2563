# Writes its pid to pids/TAG.pid (and, with child=1, starts `sleep` and writes its pid to
# pids/TAG.child), sleeps secs seconds, then answers; with head=1 it sends its header block first.
import os
import subprocess
import sys
import time
import urllib.parse

query = urllib.parse.parse_qs(os.environ["QUERY_STRING"])


def record(name, pid):
    with open(f"pids/{name}.tmp", "w") as f:
        f.write(str(pid))
    os.rename(f"pids/{name}.tmp", f"pids/{name}")


tag = query.get("tag", [""])[0]
if query.get("child"):
    child = subprocess.Popen(["sleep", "3600"])
    record(tag + ".child", child.pid)
if query.get("head"):
    sys.stdout.write("Content-Type: text/plain\r\n\r\nstarted\n")
    sys.stdout.flush()
if tag:
    record(tag + ".pid", os.getpid())
time.sleep(float(query.get("secs", ["3600"])[0]))
if not query.get("head"):
    sys.stdout.write("Content-Type: text/plain\r\n\r\n")
sys.stdout.write("slept\n")

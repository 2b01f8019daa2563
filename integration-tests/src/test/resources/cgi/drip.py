# Writes its pid to pids/TAG.pid, then a line every `every` seconds, `count` times (forever without).
import os
import sys
import time
import urllib.parse

query = urllib.parse.parse_qs(os.environ["QUERY_STRING"])
with open(f"pids/{query['tag'][0]}.tmp", "w") as f:
    f.write(str(os.getpid()))
os.rename(f"pids/{query['tag'][0]}.tmp", f"pids/{query['tag'][0]}.pid")
sys.stdout.write("Content-Type: text/plain\r\n\r\n")
sys.stdout.flush()
count = int(query.get("count", ["-1"])[0])
i = 0
while count < 0 or i < count:
    sys.stdout.write(f"line {i}\n")
    sys.stdout.flush()
    time.sleep(float(query.get("every", ["0.05"])[0]))
    i += 1

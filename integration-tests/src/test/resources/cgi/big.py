# Writes n bytes of a-z; with cl=1 it also declares the length.
import os
import sys
import urllib.parse

query = urllib.parse.parse_qs(os.environ["QUERY_STRING"])
n = int(query["n"][0])
out = sys.stdout.buffer
out.write(b"Content-Type: application/octet-stream\r\n")
if query.get("cl"):
    out.write(f"Content-Length: {n}\r\n".encode())
out.write(b"\r\n")
block = bytes(97 + i % 26 for i in range(65536))
left = n
while left > 0:
    k = min(left, len(block))
    out.write(block[:k])
    left -= k
out.flush()

# Echoes the body it reads from stdin, and what it saw of its length.
import os
import sys

length = os.environ.get("CONTENT_LENGTH")
data = sys.stdin.buffer.read(int(length)) if length else b""
after = sys.stdin.buffer.read()  # must be EOF at once
head = (f"Content-Type: application/octet-stream\r\n"
        f"X-Content-Length: {length if length is not None else 'unset'}\r\n"
        f"X-Content-Type: {os.environ.get('CONTENT_TYPE', 'unset')}\r\n"
        f"X-Read: {len(data)}\r\nX-After-End: {len(after)}\r\n\r\n")
sys.stdout.buffer.write(head.encode() + data)

# Prints its environment, working directory and argv[0] (the script path the server passed), one NAME=value per line.
import os
import sys

lines = [f"{name}={value}" for name, value in sorted(os.environ.items())]
lines.append(f"cwd={os.getcwd()}")
lines.append(f"argv0={sys.argv[0]}")
body = ("\n".join(lines) + "\n").encode()
sys.stdout.buffer.write(b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + body)

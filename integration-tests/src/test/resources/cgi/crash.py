# Fails before writing any header.
import sys

sys.stderr.write("crash.py: something went wrong\n")
sys.exit(1)

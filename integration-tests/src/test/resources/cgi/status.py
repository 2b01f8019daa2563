# A Status header and LF-only line ends.
import sys

sys.stdout.write("Status: 201 Created\nContent-Type: text/plain\nX-Thing: 42\n\ncreated\n")

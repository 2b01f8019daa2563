# Answers without reading its body.
import sys

sys.stdout.write("Content-Type: text/plain\r\n\r\nignored\n")

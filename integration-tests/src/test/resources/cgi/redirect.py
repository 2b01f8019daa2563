# Location: the "to" query parameter, nothing else.
import os
import sys
import urllib.parse

to = urllib.parse.parse_qs(os.environ["QUERY_STRING"])["to"][0]
sys.stdout.write(f"Location: {to}\r\n\r\n")

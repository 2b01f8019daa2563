#!/usr/bin/env python3
"""Form echo: the same form by GET (query string) and by POST (urlencoded body), fields shown back."""
import html
import os
import sys
import urllib.parse

method = os.environ.get("REQUEST_METHOD", "GET")
raw = os.environ.get("QUERY_STRING", "")
if method == "POST":
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    raw = sys.stdin.buffer.read(min(length, 64 * 1024)).decode("utf-8", "replace")
fields = urllib.parse.parse_qsl(raw, keep_blank_values=True)

rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in fields)
form = """<form method="{m}" action="form.py">
  <input name="name" placeholder="name"> <input name="color" placeholder="color">
  <button>send by {m}</button></form>"""
body = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>form echo</title>
<link rel="stylesheet" href="/style.css"></head><body><h1>Form echo ({html.escape(method)})</h1>
{form.format(m="GET")}{form.format(m="POST")}
<table>{rows or "<tr><td>no fields yet</td></tr>"}</table><p><a href="./">all CGI demos</a></p></body></html>"""
sys.stdout.write("Content-Type: text/html; charset=utf-8\r\n\r\n" + body)

#!/usr/bin/env python3
"""Login with a session cookie: any name with the password "demo"; the session counts your visits.
Sessions live in files under the system temp directory, named by a random id (the cookie's value).
A login or logout answers 303 to this page (post/redirect/get), so reloading the page counts a visit
instead of sending the form again."""
import html
import http.cookies
import json
import os
import re
import secrets
import sys
import tempfile
import urllib.parse

STORE = os.path.join(tempfile.gettempdir(), "webserv-demo-sessions")
os.makedirs(STORE, mode=0o700, exist_ok=True)


def session_file(sid):
    return os.path.join(STORE, sid) if re.fullmatch(r"[0-9a-f]{32}", sid or "") else None


def see_this_page(cookie):
    """Post/redirect/get: a 303 to this page (read by GET), setting the cookie."""
    sys.stdout.write(f"Status: 303 See Other\r\nLocation: login.py\r\nSet-Cookie: {cookie}\r\n\r\n")
    sys.exit(0)


cookies = http.cookies.SimpleCookie(os.environ.get("HTTP_COOKIE", ""))
sid = cookies["sid"].value if "sid" in cookies else None
path = session_file(sid)
session = None
if path and os.path.exists(path):
    with open(path) as f:
        session = json.load(f)
headers = ["Content-Type: text/html; charset=utf-8"]
message = ""

if os.environ.get("REQUEST_METHOD") == "POST":
    form = dict(urllib.parse.parse_qsl(sys.stdin.read(min(int(os.environ.get("CONTENT_LENGTH") or 0), 4096))))
    if form.get("action") == "logout":
        if path and os.path.exists(path):
            os.remove(path)
        see_this_page("sid=; Path=/cgi-bin; Max-Age=0")
    elif form.get("password") == "demo" and form.get("name"):
        sid = secrets.token_hex(16)
        with open(session_file(sid), "w") as f:
            json.dump({"name": form["name"][:40], "visits": 0}, f)
        see_this_page(f"sid={sid}; Path=/cgi-bin; HttpOnly; SameSite=Lax")
    else:
        message = "<p>Wrong name or password (hint: any name, password <code>demo</code>).</p>"

if session:
    session["visits"] += 1
    with open(path, "w") as f:
        json.dump(session, f)
    content = f"""<p>Hello <b>{html.escape(session['name'])}</b>: visit number {session['visits']}
(reload to count).</p><form method="POST" action="login.py"><input type="hidden" name="action" value="logout">
<button>log out</button></form>"""
else:
    content = message + """<form method="POST" action="login.py"><input name="name" placeholder="name">
<input name="password" type="password" placeholder="password"><button>log in</button></form>"""
sys.stdout.write("\r\n".join(headers) + "\r\n\r\n" + f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>login</title><link rel="stylesheet" href="/style.css"></head><body><h1>Session login</h1>{content}
<p><a href="./">all CGI demos</a></p></body></html>""")

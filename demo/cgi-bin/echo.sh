#!/bin/sh
# Form echo in shell: shows the method, the query string and the body (HTML-escaped).
escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }
body=""
if [ "$REQUEST_METHOD" = "POST" ] && [ -n "$CONTENT_LENGTH" ]; then
  body=$(head -c "$CONTENT_LENGTH" | head -c 65536)
fi
printf 'Content-Type: text/html; charset=utf-8\r\n\r\n'
cat <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><title>shell echo</title>
<link rel="stylesheet" href="/style.css"></head><body><h1>Shell echo</h1>
<form method="GET" action="echo.sh"><input name="q"><button>GET</button></form>
<form method="POST" action="echo.sh"><input name="q"><button>POST</button></form>
<p>method: $(printf '%s' "$REQUEST_METHOD" | escape)</p>
<p>query: <code>$(printf '%s' "$QUERY_STRING" | escape)</code></p>
<p>body: <code>$(printf '%s' "$body" | escape)</code></p>
<p><a href="./">all CGI demos</a></p></body></html>
HTML

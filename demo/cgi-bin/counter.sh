#!/bin/sh
# A visit counter kept in a cookie (only its digits are trusted).
visits=$(printf '%s' "$HTTP_COOKIE" | tr ';' '\n' | sed -n 's/^ *visits=\([0-9]\{1,9\}\)$/\1/p' | head -n 1)
visits=$(( ${visits:-0} + 1 ))
printf 'Content-Type: text/html; charset=utf-8\r\n'
printf 'Set-Cookie: visits=%s; Path=/cgi-bin; SameSite=Lax\r\n\r\n' "$visits"
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>counter</title>'
printf '<link rel="stylesheet" href="/style.css"></head><body><h1>Cookie counter</h1>'
printf '<p>You have been here %s time(s). Reload!</p><p><a href="./">all CGI demos</a></p></body></html>' "$visits"

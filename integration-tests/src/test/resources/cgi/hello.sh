#!/bin/sh
# Executed directly (the route maps .sh to ""): a shell CGI.
printf 'Content-Type: text/plain\r\n\r\n'
echo "hello from sh: $REQUEST_METHOD $QUERY_STRING"

#!/bin/sh
# Text without a header block.
echo "hello world"
echo
echo "no headers here"

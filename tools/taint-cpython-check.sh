#!/usr/bin/env bash
# Checks the Python taint corpus against CPython: every tests/python/taint_*.py
# that is expected to succeed (no .err file) must print, in the taint space,
# exactly what CPython prints for the same program with `taint(x, label)` and
# `declassify(x)` defined as the identity. (CPython has no labels, so the
# refusals themselves are checked by the .err files, not here.)
# Usage: tools/taint-cpython-check.sh [python3]
set -u
py=${1:-python3}
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
tmp=$(mktemp --suffix=.py)
trap 'rm -f "$tmp"' EXIT
for prog in "$root"/tests/python/taint_*.py; do
    base=${prog%.py}
    [ -f "$base.err" ] && continue
    input=/dev/null
    [ -f "$base.in" ] && input="$base.in"
    { printf 'def taint(x, label):\n    return x\ndef declassify(x):\n    return x\n'; cat "$prog"; } > "$tmp"
    expected=$("$py" "$tmp" < "$input") || { echo "FAIL $(basename "$prog") (CPython failed)"; status=1; continue; }
    if [ "$expected" == "$(cat "$base.out")" ]; then
        echo "ok   $(basename "$prog")"
    else
        echo "DIFF $(basename "$prog")"
        status=1
    fi
done
exit $status

#!/usr/bin/env bash
# Counts the ISO conformance cases of tests/prolog/iso_*.pl that workbench passes: each case
# prints one line, and a case passes when its line equals SWI-Prolog's (the committed .out).
# Usage: tools/prolog-iso-count.sh [path/to/workbench]   (default: target/release/workbench)
set -uo pipefail
cd "$(dirname "$0")/.."
wb=$(realpath "${1:-target/release/workbench}")
total=0
pass=0
for prog in tests/prolog/iso_*.pl; do
    name=${prog%.pl}
    actual=$(cd tests/prolog && "$wb" run "$(basename "$prog")" </dev/null 2>/dev/null)
    n=$(wc -l <"$name.out")
    ok=$(paste -d '\n' <(cat "$name.out") <(echo "$actual") | paste - - -d '\t' | awk -F '\t' '$1 == $2' | wc -l)
    printf '%-28s %3d/%3d\n' "$(basename "$name")" "$ok" "$n"
    total=$((total + n))
    pass=$((pass + ok))
done
echo "ISO conformance cases: $pass/$total pass"

#!/usr/bin/env bash
# Regenerate the expected outputs of the python benchmark suite, bench/python/NAME.expected,
# by running every bench/python/NAME.py under CPython 3.11 (the suite's reference peer, through
# its real binary, never a pyenv shim) from the suite directory, exactly as workbench-bench
# runs it. This is what `tools/bench-expected.sh --suite python` does, without cargo.
# Deterministic: running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../bench/python"

PY=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
version=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [[ $version != 3.11 ]]; then
    echo "regen-python-bench-expected: need CPython 3.11, $PY is $version" >&2
    exit 2
fi

stdout_file=$(mktemp)
trap 'rm -f "$stdout_file"' EXIT

failures=0
count=0
for prog in *.py; do
    name=${prog%.py}
    start=$EPOCHREALTIME
    if "$PY" "$prog" >"$stdout_file"; then
        end=$EPOCHREALTIME
        cp "$stdout_file" "$name.expected"
        awk -v n="$name" -v s="$start" -v e="$end" 'BEGIN { printf "  %-24s %6.2f s\n", n, e - s }'
        count=$((count + 1))
    else
        echo "regen-python-bench-expected: $prog failed; $name.expected left unchanged" >&2
        failures=$((failures + 1))
    fi
done
echo "regen-python-bench-expected: wrote $count expected outputs in bench/python"
exit $((failures > 0))

#!/usr/bin/env bash
# Regenerates the bf programs (tools/bfgen.py) and the expected outputs of tests/bf/ from an
# independent reference, never from the workbench: each program is translated to C by
# tools/bf2c.py and compiled with gcc -O2, and (with --check) also run by the Python
# interpreter tools/bfi.py, and the two must agree.
#   NAME.out  exact stdout, with NAME.in fed to stdin when present (else nothing);
#   NAME.err  written by hand for programs that must fail (exit code, then stderr lines);
#             the reference must fail on exactly those programs.
# Programs for one object space (taint_*, tiny_*) are left alone: their answers are that space's.
# It also writes bench/bf/NAME.c (the gcc peer's program) for every bench/bf/NAME.b; the
# benchmarks' expected outputs then come from `tools/bench-expected.sh --suite bf` (gcc is that
# suite's reference peer). Deterministic: running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[[ ${1:-} == --check ]] && check=true
python3 tools/bfgen.py --write
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for prog in bench/bf/*.b; do
    python3 tools/bf2c.py "$prog" >"${prog%.b}.c"
    echo "${prog%.b}.c"
done
cd tests/bf
for prog in *.b; do
    name=${prog%.b}
    # A program for one object space (taint_*: the taint space refuses its output) has
    # expected files written by hand: the C reference cannot give that space's answer.
    if [[ $name == taint_* || $name == tiny_* ]]; then
        continue
    fi
    input=/dev/null
    [[ -f $name.in ]] && input=$name.in
    status=0
    if ! python3 ../../tools/bf2c.py "$prog" >"$scratch/$name.c" 2>"$scratch/$name.bf2c"; then
        status=1 # unbalanced brackets: a syntax error, nothing runs
        : >"$name.out"
    else
        gcc -O2 -o "$scratch/$name" "$scratch/$name.c"
        "$scratch/$name" <"$input" >"$name.out" 2>/dev/null || status=$?
    fi
    if [[ $status -ne 0 && ! -f $name.err ]]; then
        echo "$prog fails under the reference but has no $name.err" >&2
        exit 1
    fi
    if [[ $status -eq 0 && -f $name.err ]]; then
        echo "$prog has $name.err but runs cleanly under the reference" >&2
        exit 1
    fi
    if $check; then
        python3 ../../tools/bfi.py "$prog" <"$input" >"$scratch/$name.bfi" 2>/dev/null || true
        cmp -s "$scratch/$name.bfi" "$name.out" || { echo "bfi.py and gcc disagree on $prog" >&2; exit 1; }
    fi
    echo "tests/bf/$name.out"
done

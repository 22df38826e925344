#!/usr/bin/env bash
# Regenerate the expected outputs of the Python corpus, tests/python/, from CPython 3.11 (the
# reference implementation, run through its real binary, never a pyenv shim).
#
# For every NAME.py that is not a helper module (helpers are named mod_*.py and have no .out):
#   NAME.out  exact stdout, with NAME.in fed to stdin when present (else /dev/null);
#   NAME.err  only when the program fails: the exit code on the first line, then the lines of
#             stderr that must appear: `Traceback (most recent call last):` (if CPython printed
#             one) and the final line (the exception, e.g. `ZeroDivisionError: division by zero`;
#             for a SyntaxError only `SyntaxError`, since the wording is the parser's own).
# Space-specific programs (tiny_*, taint_*) are left alone: CPython cannot give their answers.
# Programs run from tests/python/, so `import mod_x` finds the helper beside them.
# Deterministic: running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../tests/python"

PY=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
version=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [[ $version != 3.11 ]]; then
    echo "regen-python-expected: need CPython 3.11, $PY is $version" >&2
    exit 2
fi
# -E: ignore PYTHON* variables; -B: no __pycache__ beside the helpers; -X utf8: UTF-8 stdio.
run=("$PY" -E -B -X utf8)
export LC_ALL=C.UTF-8

stderr_file=$(mktemp)
trap 'rm -f "$stderr_file"' EXIT

count=0
for prog in *.py; do
    name=${prog%.py}
    if [[ $name == mod_* && ! -f $name.out ]]; then
        continue
    fi
    # Programs for one object space (tiny_*, taint_*) test that space's own answers
    # (a refusal, a TaintError), which CPython cannot give; their expected files are
    # written by hand and checked by the corpus in that space.
    if [[ $name == tiny_* || $name == taint_* ]]; then
        continue
    fi
    input=/dev/null
    [[ -f $name.in ]] && input=$name.in
    set +e
    "${run[@]}" "$prog" <"$input" >"$name.out" 2>"$stderr_file"
    code=$?
    set -e
    if ((code != 0)); then
        {
            echo "$code"
            if grep -qx 'Traceback (most recent call last):' "$stderr_file"; then
                echo 'Traceback (most recent call last):'
            fi
            last=$(grep -v '^[[:space:]]*$' "$stderr_file" | tail -n 1 || true)
            # A parser's wording is its own: for syntax errors only the class name must appear.
            if [[ $last == SyntaxError* || $last == IndentationError* ]]; then
                last=${last%%:*}
            fi
            echo "$last"
        } >"$name.err"
    else
        rm -f "$name.err"
        if [[ -s $stderr_file ]]; then
            echo "regen-python-expected: $prog wrote to stderr:" >&2
            cat "$stderr_file" >&2
        fi
    fi
    count=$((count + 1))
done
echo "regen-python-expected: $count programs in tests/python"

#!/usr/bin/env bash
# Regenerate the expected outputs of the Scheme corpus, tests/scheme/, from Guile 3 (the reference
# implementation, run as `guile-3.0 --r7rs`; every program imports the R7RS libraries it uses).
#
# For every NAME.scm:
#   NAME.out  exact stdout (stdin is /dev/null);
#   NAME.err  only when the program fails: the exit code on the first line, then the parts of
#             Guile's error report that must appear in ours too. Guile's wording is its own
#             ("In procedure car: Wrong type argument in position 1 (expecting pair): 1"), so only
#             what both must agree on is kept:
#               In procedure P: ...        ->  `P:` (the failing procedure is named,
#                                              unless P is one of Guile's internals)
#               Unbound variable: X        ->  `X`  (the unbound variable is named)
#               &message: "M"              ->  `M`  (the message given to `error`)
#               with args `(X)'            ->  `X`  (the object given to `raise`)
#             A program that exits with `(exit N)` gets just the code.
# Deterministic: running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../tests/scheme"

GUILE=${GUILE:-guile-3.0}
if ! "$GUILE" --version 2>/dev/null | head -n 1 | grep -q ' 3\.'; then
    echo "regen-scheme-expected: need Guile 3 ($GUILE)" >&2
    exit 2
fi
export GUILE_AUTO_COMPILE=0 LC_ALL=C.UTF-8

stderr_file=$(mktemp)
trap 'rm -f "$stderr_file"' EXIT

count=0
for prog in *.scm; do
    name=${prog%.scm}
    # Programs for one object space (taint_*) test that space's own answers (a refusal),
    # which Guile cannot give; their expected files are written by hand.
    if [[ $name == taint_* || $name == tiny_* ]]; then
        continue
    fi
    set +e
    "$GUILE" --r7rs --no-auto-compile -q "$prog" </dev/null >"$name.out" 2>"$stderr_file"
    code=$?
    set -e
    # Guile warns about R7RS bindings that replace its own; that is not the program's output.
    grep -v -e "overrides core binding" -e '^;;;' "$stderr_file" >"$stderr_file.kept" || true
    mv "$stderr_file.kept" "$stderr_file"
    if ((code != 0)); then
        {
            echo "$code"
            # The report's last matching line; Guile's own internals are not the program's.
            sed -n \
                -e 's/.*Unbound variable: \(.*\)$/\1/p' \
                -e 's/.*In procedure \([^:]*\):.*/\1:/p' \
                -e 's/.*&message: "\(.*\)"$/\1/p' \
                -e "s/.*with args \`(\(.*\))'.*/\1/p" \
                "$stderr_file" |
                grep -v -x -e 'primitive-load:' -e '%resolve-variable:' -e 'raise-exception:' \
                    -e 'syntax-violation:' -e 'apply-smob/0:' -e 'struct-vtable:' |
                tail -n 1 || true
        } >"$name.err"
    else
        rm -f "$name.err"
        if [[ -s $stderr_file ]]; then
            echo "regen-scheme-expected: $prog wrote to stderr:" >&2
            cat "$stderr_file" >&2
        fi
    fi
    count=$((count + 1))
done
echo "regen-scheme-expected: $count programs in tests/scheme"

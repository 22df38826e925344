#!/usr/bin/env bash
# Regenerate the expected outputs of the Prolog corpus, tests/prolog/, from SWI-Prolog (the
# reference, Debian's swi-prolog-nox), never from the workbench.
#
# Each NAME.pl runs as `swipl --traditional -q -t halt NAME.pl` from tests/prolog/:
# --traditional gives ISO's double_quotes=codes and '.'/2 lists, which is what workbench
# implements; the program's `:- initialization(main).` runs after loading, `-t halt` ends the
# run. For every program:
#   NAME.out  exact stdout, with NAME.in fed to stdin when present (else /dev/null);
#   NAME.err  only when SWI-Prolog wrote to stderr (an error or warning escaped a directive) or
#             exited with a non-zero status: the exit code on the first line (SWI's status if it
#             is not 0, else 1: workbench exits 1 when a directive raised or failed, where
#             `swipl -t halt` reports 0), then the message lines that must appear in stderr,
#             with SWI's location (`/path/NAME.pl:3:`) and predicate (`is/2:`) prefixes cut off.
# A singleton-variable warning is a mistake in the test program itself: the script stops.
# Deterministic: running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../tests/prolog"
command -v swipl >/dev/null || { echo "regen-prolog-expected: swipl not found" >&2; exit 2; }
export LC_ALL=C.UTF-8
stderr_file=$(mktemp)
trap 'rm -f "$stderr_file"' EXIT
count=0
for prog in *.pl; do
    name=${prog%.pl}
    input=/dev/null
    [[ -f $name.in ]] && input=$name.in
    set +e
    timeout 60 swipl --traditional -q -t halt "$prog" <"$input" >"$name.out" 2>"$stderr_file"
    code=$?
    set -e
    if grep -q "Singleton variables" "$stderr_file"; then
        echo "regen-prolog-expected: $prog has singleton variables:" >&2
        cat "$stderr_file" >&2
        exit 1
    fi
    if [[ -s $stderr_file || $code != 0 ]]; then
        [[ $code == 0 ]] && code=1
        {
            echo "$code"
            # Keep the message text: drop "ERROR: ", "Warning: ", a "/path/file.pl:LINE:" location
            # and a leading predicate indicator such as "is/2: " or "'\$run_init_goal'/1: ".
            sed -E -e 's/^(ERROR|Warning): *//' \
                -e 's#^[^ ]*\.pl(:[0-9]+)*: *##' \
                -e "s#^[^ ]*/[0-9]+: ##" "$stderr_file" |
                grep -v '^$' | grep -v '^However, there are definitions for' | grep -v '^ *[a-z_]*/[0-9]*$' || true
        } >"$name.err"
    else
        rm -f "$name.err"
    fi
    count=$((count + 1))
done
echo "regen-prolog-expected: $count programs"

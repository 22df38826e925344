#!/usr/bin/env bash
# Regenerate the expected outputs bench/<suite>/*.expected by running each suite's reference
# peer (CPython, resolved through sys.executable) on its program. Commit the results.
# Extra arguments go to workbench-bench, e.g. `tools/bench-expected.sh --suite calc`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run -q -p workbench-bench -- --write-expected "$@"

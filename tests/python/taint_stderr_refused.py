# Error output is output too: writing labelled text to sys.stderr is refused.
import sys
print("to stderr", file=sys.stderr)
print(taint(1, "err"), file=sys.stderr)

#!/usr/bin/env python3
"""bfi: a tiny reference bf interpreter, independent of the workbench.

It defines the semantics the workbench's bf must match: 30,000 byte cells
that wrap at 256, the pointer starting at cell 0, moving off either end an
error, `,` at end of input leaving the cell unchanged, `.` writing one byte.
It exists to produce and check expected outputs (tests/bf/*.out), never the
other way round: those files must not come from the implementation under test.

Usage: tools/bfi.py PROGRAM.b [< input]   (output bytes to stdout; exit 1 on error)
       tools/bfi.py --count PROGRAM.b      (also print the number of commands executed to stderr)
"""

import sys

CELLS = 30000


def run(source, data, out):
    code = [c for c in source if c in "+-<>.,[]"]
    match, stack = {}, []
    for i, c in enumerate(code):
        if c == "[":
            stack.append(i)
        elif c == "]":
            if not stack:
                raise SyntaxError(f"unmatched ] at command {i}")
            j = stack.pop()
            match[i], match[j] = j, i
    if stack:
        raise SyntaxError(f"unclosed [ at command {stack[-1]}")
    tape = bytearray(CELLS)
    p = pc = steps = 0
    inp = 0
    n = len(code)
    while pc < n:
        c = code[pc]
        steps += 1
        if c == "+":
            tape[p] = (tape[p] + 1) & 255
        elif c == "-":
            tape[p] = (tape[p] - 1) & 255
        elif c == ">":
            p += 1
            if p >= CELLS:
                raise IndexError("moved off the right end of the tape")
        elif c == "<":
            p -= 1
            if p < 0:
                raise IndexError("moved off the left end of the tape")
        elif c == ".":
            out.append(tape[p])
        elif c == ",":
            if inp < len(data):
                tape[p] = data[inp]
                inp += 1
        elif c == "[":
            if tape[p] == 0:
                pc = match[pc]
        elif c == "]":
            pc = match[pc] - 1
        pc += 1
    return steps


def main():
    args = sys.argv[1:]
    count = "--count" in args
    args = [a for a in args if a != "--count"]
    if len(args) != 1:
        sys.exit(__doc__)
    with open(args[0], encoding="latin-1") as f:
        source = f.read()
    data = sys.stdin.buffer.read() if not sys.stdin.isatty() else b""
    out = bytearray()
    try:
        steps = run(source, data, out)
    except (SyntaxError, IndexError) as e:
        sys.stdout.buffer.write(out)
        print(f"bfi: {e}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.buffer.write(out)
    if count:
        print(f"bfi: {steps} commands", file=sys.stderr)


if __name__ == "__main__":
    main()

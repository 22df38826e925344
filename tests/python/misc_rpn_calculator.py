# A reverse-Polish calculator with a dispatch dict of lambdas.
OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "^": lambda a, b: a ** b,
}
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in OPS:
            b = stack.pop()
            a = stack.pop()
            stack.append(OPS[tok](a, b))
        else:
            stack.append(int(tok))
    if len(stack) != 1:
        raise ValueError("malformed expression")
    return stack[0]
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 10 ^", "7 2 /", "1 2 3"]:
    try:
        print(e, "=", rpn(e))
    except ValueError as err:
        print(e, "->", err)

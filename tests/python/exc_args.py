# Exceptions carry arbitrary args; raising a class instantiates it.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("x", 1, [2])
except ValueError as e:
    a, b, c = e.args
    print(a, b, c)
e = RuntimeError("made but not raised")
print(e, isinstance(e, Exception))
try:
    raise e
except RuntimeError as caught:
    print(caught is e)

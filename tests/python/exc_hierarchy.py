# The builtin exception hierarchy: catching a base class catches subclasses.
def fail(kind):
    if kind == "key":
        return {}["x"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "overflow":
        return 10.0 ** 1000
    if kind == "type":
        return 1 + "a"
for kind in ["key", "index"]:
    try:
        fail(kind)
    except LookupError as e:
        print(kind, "-> LookupError", type(e).__name__)
for kind in ["zero", "overflow"]:
    try:
        fail(kind)
    except ArithmeticError as e:
        print(kind, "-> ArithmeticError", type(e).__name__)
try:
    fail("type")
except Exception as e:
    print("type -> Exception", type(e).__name__)
print([c.__name__ for c in KeyError.__mro__])
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, IndexError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(Exception, BaseException))

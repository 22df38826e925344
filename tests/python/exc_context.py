# Raising inside a handler sets __context__ implicitly.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)
try:
    raise ValueError("no context")
except ValueError as e:
    print(e.__context__)

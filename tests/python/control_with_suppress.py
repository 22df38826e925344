# A context manager whose __exit__ returns True suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", exc_type.__name__, exc)
            return True
        return False
with Suppress(KeyError, ZeroDivisionError):
    print("before")
    1 / 0
    print("not reached")
print("after")
with Suppress(KeyError):
    {}["k"]
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("escaped:", e)
def f():
    with Suppress(ValueError):
        return "returned from with"
print(f())

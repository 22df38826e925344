# Bare raise re-raises the current exception; handlers can log and re-raise.
def process():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    process()
except ValueError as e:
    print("outer got:", e)
def wrap():
    try:
        raise KeyError("first")
    except KeyError as e:
        err = e
    raise err
try:
    wrap()
except KeyError as e:
    print("re-raised stored exception:", e)

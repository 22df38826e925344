# finally runs on return; a return in finally overrides and swallows.
def f():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())

# throw() and close() raise inside a suspended generator: handlers and finally blocks run.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("fin")
x = g()
print(next(x))
print(x.throw(ValueError("boom")))
try:
    x.throw(KeyError("k"))
except KeyError as e:
    print("escaped", repr(e))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
    yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
def ret():
    try:
        yield 1
    except ValueError:
        return 5
r = ret()
next(r)
try:
    r.throw(ValueError)
except StopIteration as e:
    print("stop", e.value)
n = g()
try:
    n.throw(TypeError("early"))
except TypeError as e:
    print("not started:", e)
print(next(n, "done"))
n.close()
def noisy():
    try:
        yield 1
    finally:
        raise ValueError("from finally")
q = noisy()
next(q)
try:
    q.close()
except ValueError as e:
    print("close raised", e)

# Reading a local before it is assigned (on some path) is an UnboundLocalError; del unbinds.
def a(flag):
    if flag:
        x = 1
    return x
print(a(True))
try:
    a(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def b():
    for i in range(3):
        if i == 2:
            print("last", last)
        last = i
    return i
print(b())
def c():
    try:
        v = int("x")
    except ValueError:
        v = -1
    return v
print(c())
def d():
    y = 5
    del y
    try:
        return y
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(d())
def e():
    try:
        raise KeyError
    except KeyError as err:
        pass
    try:
        print(err)
    except NameError as ex:
        print("gone:", ex)
e()
def f(n):
    while n > 0:
        n -= 1
        r = n
    return r
print(f(3))
try:
    f(0)
except UnboundLocalError as ex:
    print(ex)
def g():
    z = None
    return z
print(g())
def h():
    print(q)
    q = 1
h()

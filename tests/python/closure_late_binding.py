# Closures capture variables, not values: late binding, and the default-argument fix.
fns = [lambda: i for i in range(4)]
print([f() for f in fns])
fixed = [lambda i=i: i for i in range(4)]
print([f() for f in fixed])
def make():
    out = []
    for k in range(3):
        def g():
            return k * 10
        out.append(g)
    k = 99
    return out
print([g() for g in make()])

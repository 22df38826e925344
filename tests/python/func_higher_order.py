# Functions taking and returning functions, without functools.
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))
def curry3(f):
    return lambda a: lambda b: lambda c: f(a, b, c)
print(curry3(lambda a, b, c: a * 100 + b * 10 + c)(1)(2)(3))
def fold(f, xs, acc):
    for x in xs:
        acc = f(acc, x)
    return acc
print(fold(lambda a, x: a + [x * x], range(5), []))

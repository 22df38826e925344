# Generators keep local state between yields; multiple generators are independent.
def counter(prefix):
    i = 0
    while True:
        i += 1
        yield "%s%d" % (prefix, i)
a = counter("a")
b = counter("b")
print(next(a), next(a), next(b), next(a), next(b))
def window(xs, n):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
g = (i for i in range(2))
print(next(g, "d"), next(g, "d"), next(g, "d"))

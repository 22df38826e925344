# Generator functions are lazy and resume after each yield.
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")
g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for x in fib():
    if x > 100:
        break
    out.append(x)
print(out)
try:
    next(g)
except StopIteration:
    print("exhausted")

# Decorators with arguments (decorator factories) and a hand-written memoizer.
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("ann"))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache))
registry = []
def register(label):
    def deco(fn):
        registry.append((label, fn.__name__))
        return fn
    return deco
@register("first")
def a(): pass
@register("second")
def b(): pass
print(registry, a() is None)

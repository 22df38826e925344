# Decorators without arguments, stacked decorators.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("return", result)
        return result
    return wrapper
def double_result(fn):
    def wrapper(*args):
        return 2 * fn(*args)
    return wrapper
@trace
def add(a, b):
    return a + b
@double_result
@double_result
def three():
    return 3
add(2, b=5)
print(three())
calls = {}
def counted(fn):
    def inner(*a):
        calls[fn.__name__] = calls.get(fn.__name__, 0) + 1
        return fn(*a)
    return inner
@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(12), calls)

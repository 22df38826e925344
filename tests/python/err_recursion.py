# Infinite recursion ends in RecursionError.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100))
def f():
    return f()
print(depth(500))
print("recursing")
f()
print("not reached")

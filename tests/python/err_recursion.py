# Infinite recursion ends in RecursionError.
def f():
    return f()
print("recursing")
f()

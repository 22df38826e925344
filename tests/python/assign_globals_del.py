# Assignment creates names; del removes them.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b = 1, 2
del a, b
try:
    a
except NameError:
    print("a gone")
xs = [1, 2, 3]
del xs[0], xs[0]
print(xs)

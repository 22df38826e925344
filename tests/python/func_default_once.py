# Default values are evaluated once, when the def runs.
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
counter = 10
def show(v=counter):
    return v
counter = 20
print(show(), counter)
def make():
    print("evaluating default")
    return 0
def g(x=make()):
    return x
print("defined g")
print(g(), g())

# return in a generator sets StopIteration.value.
def gen():
    yield 1
    return 42
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
def empty():
    return "nothing yielded"
    yield
try:
    next(empty())
except StopIteration as e:
    print(e.value)

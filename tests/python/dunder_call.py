# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.k
triple = Multiplier(3)
print(triple(4), triple("ab"), triple.calls, callable(triple))
print(list(map(triple, [1, 2, 3])), triple.calls)
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values, scale=1):
        self.total += sum(values) * scale
        return self
acc = Accumulator()
print(acc(1, 2)(3, scale=10).total)

# __eq__ and __hash__ make instances usable as dict keys and set members.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
k1 = Key(1, "x")
k2 = Key(1, "x")
k3 = Key(2, "y")
print(k1 == k2, k1 != k3, k1 is k2, k1 == 5)
d = {k1: "value"}
print(d[k2], k3 in d, len({k1, k2, k3}))
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)

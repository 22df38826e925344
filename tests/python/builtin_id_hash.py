# id() is stable for an object's lifetime; hash() agrees with ==.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) == id(a))
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"), hash((1, "x")) == hash((1, "x")))
print(hash(42) == 42, hash(-1) == hash(-2), hash(0) == 0)
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)

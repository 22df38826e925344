# Dict equality ignores order; dicts are not ordered by <.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a != {"x": 1})
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(len({}), bool({}), bool({0: 0}))
print({1: [1]} == {1: [1]}, {1: 1} == {1: 1.0}, {} == dict())

# assert statements: passing asserts, and catching AssertionError with and without a message.
assert 1 + 1 == 2
assert [1], "non-empty list is truthy"
try:
    assert 2 + 2 == 5, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(str(e)), e.args)
def check(x):
    assert x > 0, f"expected positive, got {x}"
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(e)

# A failing assert with a message.
def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b, "not sorted: %r > %r" % (a, b)
    return True
print(check_sorted([1, 2, 3]))
print(check_sorted([]))
print(check_sorted(sorted([3, 1, 2])))
print(check_sorted([1, 3, 2]))
print("not reached")

# Truth values of builtin objects.
values = [0, 1, -1, 0.0, 0.1, "", " ", "0", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
class Empty:
    pass
print(bool(Empty()), bool(Empty))
count = 0
for v in values:
    if v:
        count += 1
print("truthy count:", count, "of", len(values))
print([v for v in values if not v])

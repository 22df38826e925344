# any and all short-circuit; empty iterables.
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(all(x > 0 for x in range(1, 5)), any(x > 10 for x in range(5)))
checked = []
def check(x):
    checked.append(x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3, 4]), checked)
checked.clear()
print(all(check(x) for x in [5, 3, 1, 7]), checked)

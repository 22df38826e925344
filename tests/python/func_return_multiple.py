# Returning tuples, early returns and implicit None.
def stats(xs):
    if not xs:
        return None
    n = len(xs)
    mean = sum(xs) / n
    return min(xs), max(xs), mean
print(stats([]))
print(stats([3, 1, 4, 1, 5]))
lo, hi, mean = stats([10, 20])
print(lo, hi, mean)
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
print(find([5, 6, 7], 7), find([5, 6, 7], 8))

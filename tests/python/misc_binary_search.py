# Binary search over a sorted list.
def bsearch(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
xs = list(range(0, 1000, 3))
for t in [0, 3, 501, 502, 999, 996, -5]:
    print(t, bsearch(xs, t))

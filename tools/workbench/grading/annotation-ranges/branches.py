# A value from either side of an if/else: the join of two ranges.
def pick(flag):
    if flag:
        n = 1
    else:
        n = 10
    return n - 1

def shift(flag):
    base = pick(flag)
    return base + 100

print(pick(True), pick(False), shift(True))

# Ranges through several joins and operations.
def score(a, b):
    s = 0
    if a:
        s = s + 5
    if b:
        s = s + 20
    return s

def spread(flag):
    if flag:
        lo = -3
    else:
        lo = 4
    return lo - lo

print(score(True, False), spread(True))

# A counter that grows in a loop: the annotator widens the upper bound.
def count(limit):
    i = 0
    while i < limit:
        i = i + 1
    return i

def countdown():
    k = 5
    while k > 0:
        k = k - 1
    return k

print(count(10), countdown())

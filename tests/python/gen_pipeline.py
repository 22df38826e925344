# Chained generators form a lazy pipeline.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squared(src):
    for x in src:
        yield x * x
def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
print(list(take(5, squared(evens(numbers(10 ** 9))))))
def running_sum(src):
    total = 0
    for x in src:
        total += x
        yield total
print(list(running_sum(range(1, 11))))

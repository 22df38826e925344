# next() on an exhausted iterator outside a loop: uncaught StopIteration.
it = iter([1])
print(next(it))
print(next(it))

# A generator abandoned early can be closed; its finally block runs.
def resource():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("cleanup")
g = resource()
print(next(g))
g.close()
print("closed")
h = resource()
for x in h:
    if x == 2:
        break
h.close()
print("loop done")
print(list(resource()))

# yield from delegates to a sub-iterator and returns its return value.
def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from "ab"
print(list(outer()))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4], 5], [[6]]])))

# Starred assignment targets collect the rest into a list.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
first, *_ = "hello"
print(first, _)
head, *tail = (9,)
print(head, tail)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
print([*range(3), *"ab"], (*[1, 2], 3))

# reversed on sequences and ranges; reversed objects are iterators.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(0, 10, 3))))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
print("".join(reversed("stressed")))
for x in reversed(range(3)):
    print(x, end=" ")
print()
print(list(reversed([])), "".join(reversed("")), tuple(reversed((1,))))
words = "one two three".split()
print(" ".join(reversed(words)), [w[::-1] for w in reversed(words)])

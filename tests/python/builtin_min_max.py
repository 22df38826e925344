# min and max with multiple arguments, iterables, key and default.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"))
words = ["pear", "fig", "banana", "kiwi"]
print(min(words, key=len), max(words, key=len), max(words))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max([(1, "b"), (1, "a"), (0, "z")]), max(-3, 2, key=abs), min(-3, 2, key=abs))
print(max([2, 3, 3, 1], key=lambda v: v % 3))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)

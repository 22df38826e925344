# list.sort in place, with key and reverse; sorted returns a new list.
xs = [5, 2, 9, 1, 5, 6, -3]
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
words = ["banana", "Apple", "cherry", "date", "fig", "Elderberry"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=lambda w: (len(w), w), reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
print(xs.sort() is None)

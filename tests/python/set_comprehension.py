# Set comprehensions.
mods = {x % 5 for x in range(100)}
print(sorted(mods))
lens = {len(w) for w in ["a", "bb", "cc", "ddd", "e"]}
print(sorted(lens))
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
words = ["Apple", "avocado", "Banana", "blueberry", "cherry"]
initials = {w[0].lower() for w in words}
print(sorted(initials), len(initials))
print(sorted({x * x % 10 for x in range(100)}))

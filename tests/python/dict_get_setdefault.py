# get with default, setdefault inserting once.
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d)
print(d.setdefault("a", 99), d.setdefault("b", 2), d.setdefault("c"), d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
cache = {}
for k in ["a", "b", "a", "c", "b", "a"]:
    cache[k] = cache.get(k, 0) + 1
print(cache)
print(cache.get("zz", []), cache.setdefault("zz", []) is cache["zz"])

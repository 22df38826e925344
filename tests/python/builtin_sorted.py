# sorted with key and reverse; stability of sorting.
print(sorted([3, 1, 2]), sorted("banana"), sorted((5, -1, 3), reverse=True))
print(sorted({"b": 1, "a": 2}), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25), ("ed", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name_then_age = sorted(sorted(people, key=lambda p: p[0]), key=lambda p: p[1])
print(by_name_then_age)
print(sorted([3.5, 1, 2.25, -4]), sorted([], reverse=True))
print(sorted(["aa", "b", "ccc", "dd"], key=len))

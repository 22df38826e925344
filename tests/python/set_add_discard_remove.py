# Mutating sets: add, discard (silent), remove (KeyError), pop, clear.
s = set()
for x in [3, 1, 3, 2, 1]:
    s.add(x)
print(sorted(s), len(s))
s.discard(2)
s.discard(42)
print(sorted(s))
s.remove(1)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
s.update([7, 8], {9})
print(sorted(s))
x = s.pop()
print(x in s, len(s))
s.clear()
print(s, len(s))

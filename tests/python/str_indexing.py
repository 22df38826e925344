# Indexing strings with positive and negative indices.
s = "Python"
print(s[0], s[5], s[-1], s[-6], len(s))
for i in range(-len(s), len(s)):
    print(i, s[i], end="; ")
print()
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
try:
    s[-7]
except IndexError as e:
    print("IndexError:", e)

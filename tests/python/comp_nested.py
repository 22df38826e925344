# Nested comprehensions: order of for clauses, matrices, flattening.
print([(a, b) for a in range(3) for b in range(a)])
m = [[r * 3 + c for c in range(3)] for r in range(3)]
print(m)
print([row[i] for i in range(3) for row in m])
print([[row[i] for row in m] for i in range(3)])
print([x for row in m for x in row if x % 2])
print([[c for c in w] for w in ["ab", "cde"]])
print({k: [v for v in range(k)] for k in range(4)})
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])

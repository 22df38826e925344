# Nested loops: multiplication table and pythagorean triples.
for i in range(1, 5):
    print(" ".join("%3d" % (i * j) for j in range(1, 8)))
triples = []
for a in range(1, 30):
    for b in range(a, 30):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                triples.append((a, b, c))
print(triples)

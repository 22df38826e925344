# break and continue in for and while loops, including nested loops.
out = []
for i in range(20):
    if i % 3 == 0:
        continue
    if i > 14:
        break
    out.append(i)
print(out)
pairs = []
for i in range(5):
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        pairs.append((i, j))
print(pairs)
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 10:
        break
    print(n, end=" ")
print()

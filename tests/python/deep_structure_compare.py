# Comparing deeply nested or self-containing lists raises RecursionError instead of
# overflowing the stack; moderately deep structures compare and hash normally.
a = []
a.append(a)
b = []
b.append(b)
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
x, y = [], []
for i in range(100000):
    x, y = [x], [y]
try:
    print(x == y)
except RecursionError as e:
    print("RecursionError:", e)
try:
    print(x < y)
except RecursionError as e:
    print("RecursionError:", e)
p, q = (1,), (1,)
for i in range(500):
    p, q = (p,), (q,)
print(p == q, hash(p) == hash(q), p <= q, a is a, a == a)

# enumerate, index loops, building filtered copies, list() of iterables.
xs = [4, 7, 1, 8, 2]
for i in range(len(xs)):
    xs[i] *= 10
print(xs)
print(list(range(3)), list("hi"), list((1, 2)), list({"k": 1}))
evens = [x for x in xs if x % 20 == 0]
print(evens)
total = 0
for i, x in enumerate(xs):
    total += i * x
print(total)
print(xs.index(max(xs)), sum(xs) / len(xs))

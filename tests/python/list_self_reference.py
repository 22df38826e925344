# A list that contains itself prints as [...].
xs = [1, 2]
xs.append(xs)
print(xs)
print(xs[2][2][0], len(xs))
d = {"a": 1}
d["self"] = d
print(d)
ys = []
ys.append(ys)
print(ys, len(ys), ys[0] is ys)

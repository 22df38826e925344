# Conditional expressions (x if c else y), including nesting and laziness.
for n in range(-2, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
def boom():
    raise RuntimeError("evaluated")
print(1 if True else boom())
print([x if x % 2 else -x for x in range(6)])
print((lambda a: "even" if a % 2 == 0 else "odd")(7))
print(max(3, 8) if 3 > 8 else min(3, 8))

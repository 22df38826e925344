# Uncaught IndexError.
xs = [1, 2, 3]
print(xs[2], xs[-3])
for i in range(len(xs)):
    print(i, xs[i])
def get(seq, i):
    return seq[i]
print(get(xs, 0))
print(get(xs, 3))
print("not reached")

# append adds one element; extend adds each element of an iterable.
xs = []
xs.append(1)
xs.append([2, 3])
print(xs)
xs.extend([4, 5])
xs.extend((6,))
xs.extend("ab")
xs.extend(range(2))
print(xs, len(xs))
ys = [1, 2]
ys += [3]
ys += "c"
print(ys)
squares = []
for i in range(8):
    squares.append(i * i)
print(squares)

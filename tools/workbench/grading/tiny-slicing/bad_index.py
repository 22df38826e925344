xs = [1, 2, 3]
print(xs[1:None], xs[True:])
print(xs["a":])

xs = [10, 20, 30, 40, 50]
print(xs[-2:], xs[:-2], xs[-4:-1], xs[-100:2], xs[2:100])
s = "slicing"
print(s[-3:], s[:-3])

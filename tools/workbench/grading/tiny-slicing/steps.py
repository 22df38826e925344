xs = list(range(10))
print(xs[::2], xs[1::3], xs[::-1], xs[8:2:-2], xs[:3:-3], xs[-1:-4:-1])
print("abcdef"[::-1], "abcdef"[::2], "abcdef"[5:0:-2])

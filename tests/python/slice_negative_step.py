# Slices with negative steps and omitted bounds.
xs = list(range(10))
print(xs[::-1], xs[::-3], xs[7::-2], xs[:2:-2], xs[-2:-8:-2], xs[2:7:-1])
t = tuple("abcdef")
print(t[::-1], t[-1:-4:-1])
print("abcdef"[::-2], "abcdef"[4::-1])
s = "0123456789"
for step in (-1, -2, -3, -4):
    print(step, s[::step], s[-2::step], s[:-2:step])
xs = list(range(8))
print(xs[6:1:-2], xs[-1:-9:-3])

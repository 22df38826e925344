# Slices never raise for out-of-range bounds.
xs = [1, 2, 3]
print(xs[5:], xs[-10:], xs[1:100], xs[-100:-50], xs[2:1])
s = "abc"
print(repr(s[10:]), s[-10:2], s[::10], s[::-10])
print(xs[len(xs):], xs[:-len(xs)])
t = (1, 2, 3, 4)
print(t[3:1], t[-1:-5:-1], t[100:-100:-1])
big = list(range(5))
print(big[2:2], big[4:100:2], big[-100:100:3])
print("hello"[1:-1], "hello"[-1:1], "hello"[-1:1:-1])

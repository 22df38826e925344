# Slices never raise for out-of-range bounds.
xs = [1, 2, 3]
print(xs[5:], xs[-10:], xs[1:100], xs[-100:-50], xs[2:1])
s = "abc"
print(repr(s[10:]), s[-10:2], s[::10], s[::-10])
print(xs[len(xs):], xs[:-len(xs)])

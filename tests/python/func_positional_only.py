# Positional-only parameters before /.
def clamp(x, lo, hi, /, *, strict=False):
    if strict and not lo <= x <= hi:
        raise ValueError("out of range")
    return max(lo, min(hi, x))
print(clamp(5, 0, 3), clamp(-1, 0, 3), clamp(2, 0, 3, strict=True))
try:
    clamp(x=1, lo=0, hi=2)
except TypeError as e:
    print("TypeError")
def f(a, /, **kw):
    return a, kw
print(f(1, a=2))

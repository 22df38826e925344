# functools.partial fixes leading positional and keyword arguments.
from functools import partial
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(5), two_to(10), square(base=3))
def label(text, *, left="[", right="]"):
    return left + text + right
curly = partial(label, left="{", right="}")
print(curly("x"), curly("y", right=">"))
int_base2 = partial(int, base=2)
print(int_base2("1010"), list(map(int_base2, ["1", "11", "111"])))
add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), add3(10))

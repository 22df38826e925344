# Builds and drops 10 million cyclic structures: each call makes a cell that
# holds a closure which captures that same cell (cell -> function -> cell),
# the same shape as cycles.calc.
def make_cycle():
    self_ref = None

    def f():
        return self_ref

    self_ref = f
    return 0


i = 0
while i < 10000000:
    make_cycle()
    i = i + 1
print(i)

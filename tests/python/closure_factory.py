# Closure factories: adders, multipliers, and a tiny object made of closures.
def adder(n):
    return lambda x: x + n
add5 = adder(5)
add10 = adder(10)
print(add5(1), add10(1), [adder(i)(i) for i in range(4)])
def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def size():
        return len(items)
    return {"push": push, "pop": pop, "size": size}
s = make_stack()
s["push"](1); s["push"](2); s["push"](3)
print(s["pop"](), s["size"]())

# The = specifier prints the expression text and its repr.
x = 7
name = "py"
print(f"{x=}")
print(f"{x * 2=}")
print(f"{name=}, {len(name)=}")
print(f"{x=:>5}")
items = [1, 2]
print(f"{items=} {sum(items)=}")
pi = 3.14159
print(f"{pi=:.2f}")

# The = specifier prints the expression text and its repr.
x = 7
name = "py"
print(f"{x=}")
print(f"{x * 2=}")
print(f"{name=}, {len(name)=}")
print(f"{x=:>5}")

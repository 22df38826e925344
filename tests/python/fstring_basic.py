# f-strings with expressions, calls and attribute access.
name = "World"
n = 6
print(f"Hello, {name}!")
print(f"{n} * 7 = {n * 7}")
print(f"{name.upper()} has {len(name)} letters; first is {name[0]!r}")
items = ["a", "b"]
d = {"key": "value"}
print(f"{items} {items[-1]} {d['key']} {d}")
print(f"{'nested quotes'} {n if n > 5 else 0} {[i for i in range(3)]}")
print(f"{{literal braces}} {{{n}}}")
print(f"{3.5} {True} {None} {1/3}")
print(f"multi" f"part {n}" "plain")

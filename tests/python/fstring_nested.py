# Nested f-strings and format specs computed from expressions.
width = 10
prec = 3
val = 3.14159265
print(f"[{val:{width}.{prec}f}]")
print(f"[{f'{val:.2f}':>{width}}]")
rows = [("x", 1.5), ("yy", 22.25), ("zzz", 333.125)]
for label, v in rows:
    print(f"{label:>{width // 2}}: {v:{width}.{prec - 1}f}")
align = "<"
print(f"[{'left':{align}8}]")
print(f"{'|'.join(f'{i:02}' for i in range(4))}")

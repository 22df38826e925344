# Width, alignment and fill in f-strings.
s = "cat"
print(f"[{s:>10}]", f"[{s:<10}]", f"[{s:^10}]", f"[{s:*^9}]", f"[{s:.>6}]", f"[{s:10}]")
n = 42
print(f"[{n:>6}]", f"[{n:<6}]", f"[{n:^6}]", f"[{n:06}]", f"[{n:6}]", f"[{n:+}]", f"[{-n:=+6}]")
for name, qty in [("apples", 3), ("kiwis", 12), ("plums", 100)]:
    print(f"{name:<10}|{qty:>5}|")
w = 8
print(f"[{s:>{w}}]", f"[{n:0{w}d}]")
print(f"[{'':>3}]", f"[{'ab':x<5}]")

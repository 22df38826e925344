# Messages of common builtin exceptions.
nothing = None
tests = [
    lambda: 1 / 0,
    lambda: 1 % 0,
    lambda: [1, 2][10],
    lambda: {"a": 1}["b"],
    lambda: int("xyz"),
    lambda: 1 + "s",
    lambda: "s" + 1,
    lambda: len(5),
    lambda: nothing(),
    lambda: [].pop(),
    lambda: (1, 2).x,
    lambda: "abc".index("z"),
    lambda: float("1.2.3"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)

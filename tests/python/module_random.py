# random with a seed: only properties are checked, never exact values.
import random
random.seed(12345)
xs = [random.random() for _ in range(1000)]
print(all(0 <= x < 1 for x in xs), len(xs), min(xs) < 0.1, max(xs) > 0.9)
ints = [random.randint(1, 6) for _ in range(600)]
print(all(1 <= n <= 6 for n in ints), sorted(set(ints)))
r = [random.randrange(10) for _ in range(200)]
print(all(0 <= n < 10 for n in r) and all(type(n) is int for n in r))
items = list(range(10))
random.shuffle(items)
print(sorted(items) == list(range(10)))
print(random.choice("abc") in "abc", 2 <= random.uniform(2, 3) <= 3)
random.seed(7)
a = [random.random() for _ in range(5)]
random.seed(7)
b = [random.random() for _ in range(5)]
print(a == b)

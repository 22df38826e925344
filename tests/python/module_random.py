# random with a seed: random() stays in [0, 1) and a seed repeats its sequence.
# Only properties are checked, never exact values.
import random
random.seed(12345)
xs = [random.random() for _ in range(1000)]
print(all(0 <= x < 1 for x in xs), len(xs), min(xs) < 0.1, max(xs) > 0.9)
print(all(type(x) is float for x in xs), len(set(xs)) > 990)
random.seed(7)
a = [random.random() for _ in range(5)]
random.seed(7)
b = [random.random() for _ in range(5)]
print(a == b)
mean = sum(xs) / len(xs)
print(0.4 < mean < 0.6)

# random: randint, randrange, choice, shuffle, uniform (properties only).
import random
random.seed(2024)
ints = [random.randint(1, 6) for _ in range(600)]
print(all(1 <= n <= 6 for n in ints), sorted(set(ints)))
r = [random.randrange(10) for _ in range(200)]
print(all(0 <= n < 10 for n in r) and all(type(n) is int for n in r))
r2 = [random.randrange(5, 50, 5) for _ in range(200)]
print(all(n % 5 == 0 and 5 <= n < 50 for n in r2))
items = list(range(10))
random.shuffle(items)
print(sorted(items) == list(range(10)))
print(all(random.choice("abc") in "abc" for _ in range(50)))
print(all(2 <= random.uniform(2, 3) <= 3 for _ in range(50)))

# range with one, two and three arguments.
print(list(range(5)), list(range(2, 7)), list(range(0, 20, 5)), list(range(5, 0)))
print(range(5), range(1, 10, 2), range(0))
r = range(3, 30, 4)
print(r.start, r.stop, r.step, len(r))
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(1, 101)))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)

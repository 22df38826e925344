# Seed program: the sprint food bill, totalled with functools.reduce.
import functools

bill = [
    ("lunch monday", 96.50),
    ("dinner monday", 143.20),
    ("lunch tuesday", 88.00),
    ("pizza tuesday night", 61.75),
    ("lunch wednesday", 102.30),
    ("dinner wednesday", 158.90),
    ("coffee and cake", 37.45),
    ("lunch thursday", 91.10),
    ("farewell dinner", 212.80),
]
people = 7

for name, price in bill:
    print("%-22s %8.2f" % (name, price))
total = functools.reduce(lambda acc, item: acc + item[1], bill, 0.0)
print("%-22s %8.2f" % ("total", total))
print("per person (%d): %.2f" % (people, total / people))

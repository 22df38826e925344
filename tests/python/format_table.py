# A formatted report table using ljust/rjust, % and format.
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 199.99)]
print("%-12s %5s %10s" % ("item", "qty", "total"))
print("-" * 29)
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print("%-12s %5d %10.2f" % (name, qty, total))
print("-" * 29)
print("{:<12} {:>16,.2f}".format("TOTAL", grand))

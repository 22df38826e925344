# Uncaught TypeError: unsupported operand type(s).
total = 10
bonus = None
print(total)
print(total + 5)
if bonus is not None:
    total += bonus
print(total)
print(total + bonus)
print("not reached")

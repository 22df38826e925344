# Uncaught TypeError: unsupported operand type(s).
total = 10
bonus = None
print(total)
print(total + bonus)

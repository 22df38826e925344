# Uncaught TypeError: unsupported operand types.
count = 3
label = "items: "
print(label + str(count))
print(label + count)

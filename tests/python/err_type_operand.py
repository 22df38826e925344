# Uncaught TypeError: concatenating str and int.
count = 3
label = "items: "
print(label + str(count))
print(label * 2)
print(str(count) + label)
print("%s%d" % (label, count))
print(label.strip() + "!")
print(label + count)
print("not reached")

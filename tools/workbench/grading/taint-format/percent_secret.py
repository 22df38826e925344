pin = taint(1234, "pin")
line = "pin=%04d" % pin
print("ok so far")
print(line)

amount = taint(42, "amount")
print(format(amount, ">6"))

# Branching on a labelled value is an implicit flow: refused by default.
pin = taint(1234, "pin")
if pin > 1000:
    print(declassify("big"))

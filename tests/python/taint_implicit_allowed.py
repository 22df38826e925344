# With --taint-implicit=allow the same branches run (if, while, and/or,
# conditional expressions); output of labelled data is still refused.
pin = taint(1234, "pin")
if pin > 1000:
    print("big")
k = taint(3, "k")
while k > 0:
    k = k - 1
print(declassify(k))
print("yes" if pin and k == 0 else "no")

# for/else: prime search.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
for x in []:
    print("never")
else:
    print("else after empty loop")
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not printed")
print("x is", x)

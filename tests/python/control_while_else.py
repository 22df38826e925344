# while loops with else (runs when the loop ends without break).
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
else:
    print("reached 1 after", steps, "steps")
i = 0
while i < 10:
    if i == 4:
        print("break at", i)
        break
    i += 1
else:
    print("not printed")
while False:
    pass
else:
    print("else of empty while")

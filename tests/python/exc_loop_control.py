# break/continue through try/finally and exceptions inside loops.
results = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        if i == 2:
            raise ValueError(i)
        results.append(i)
    except ValueError as e:
        results.append("err%s" % e)
    finally:
        results.append("fin%d" % i)
print(results)
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("finally", count)

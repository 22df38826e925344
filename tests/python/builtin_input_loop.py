# Reading numbers until EOF with input(); EOFError ends the loop.
total = 0
count = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    line = line.strip()
    if not line:
        continue
    for tok in line.split():
        total += int(tok)
        count += 1
print("count", count)
print("total", total)
print("mean", total / count)

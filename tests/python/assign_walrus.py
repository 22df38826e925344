# Assignment expressions (:=).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6])
line_src = iter(["a", "bb", "", "never"])
while (line := next(line_src)) != "":
    print("line", line)
print(line == "")
total = 0
values = [4, 7, 1]
while (n := len(values)) > 0:
    total += values.pop() * n
print(total, n)

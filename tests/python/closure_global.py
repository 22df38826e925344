# global statements rebind module-level names.
total = 0
calls = []
def add(n):
    global total
    total += n
def record(x):
    calls.append(x)
for i in range(5):
    add(i)
    record(i)
print(total, calls)
def make_new():
    global fresh
    fresh = "created inside"
make_new()
print(fresh)

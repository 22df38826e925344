# insert at positions (including negative/out of range) and pop.
xs = [10, 20, 30]
xs.insert(0, 5)
xs.insert(2, 15)
xs.insert(-1, 25)
xs.insert(100, 99)
xs.insert(-100, 1)
print(xs)
print(xs.pop(), xs)
print(xs.pop(0), xs)
print(xs.pop(-2), xs)
print(xs.pop(1), xs)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)

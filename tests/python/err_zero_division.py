# Uncaught ZeroDivisionError: output before the error is kept, then a traceback.
def average(xs):
    return sum(xs) / len(xs)
print(average([1, 2, 3]))
print(average([10]))
for group in [[4, 6], [1, 1, 1, 1]]:
    print(group, average(group))
print(average([0.5, 1.5]))
print(average([]))
print("not reached")

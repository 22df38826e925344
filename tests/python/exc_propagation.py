# Exceptions propagate up the call stack until caught; finally blocks run on the way.
def level3():
    raise RuntimeError("deep")
def level2():
    try:
        level3()
    finally:
        print("level2 cleanup")
def level1():
    level2()
    print("not reached")
try:
    level1()
except RuntimeError as e:
    print("caught at top:", e)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
print([safe_div(1, x) for x in [1, 2, 0, 4]])

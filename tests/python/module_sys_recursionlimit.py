# sys.setrecursionlimit allows deeper recursion; hitting the limit raises RecursionError.
import sys
sys.setrecursionlimit(5000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(4000))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError:
    print("RecursionError caught")
print(depth(10))

# Comprehension variables do not leak; comprehensions see enclosing names.
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
factor = 10
print([i * factor for i in range(3)])
def f():
    k = 3
    return [i + k for i in range(3)], {i: k for i in range(2)}
print(f())
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
print(C.doubled)

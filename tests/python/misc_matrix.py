# Matrix multiplication, transpose and identity with nested lists.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
a = [[1, 2], [3, 4], [5, 6]]
b = [[7, 8, 9], [10, 11, 12]]
print(matmul(a, b))
print(matmul(b, a))
print(matmul(a, identity(2)) == a)
fib = [[1, 1], [1, 0]]
m = identity(2)
for _ in range(50):
    m = matmul(m, fib)
print(m[0][1])

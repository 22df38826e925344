# A syntax error: nothing runs, CPython reports SyntaxError and exits with 1.
print("this line never runs")
def fine(x):
    return x + 1
print(fine(1))
def broken(:
    return 1
print(broken())
for i in range(3):
    print(i)

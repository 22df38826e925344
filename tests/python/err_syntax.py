# A syntax error: nothing runs, CPython reports SyntaxError and exits with 1.
print("this line never runs")
def broken(:
    return 1

# Twin of loop_quick.calc: the same while loop, in a function (locals, as in calc).
def sum_to(n):
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


print(sum_to(1000000))

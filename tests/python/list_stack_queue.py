# Lists as stacks (append/pop) and simple queues (pop(0)).
stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        top = stack.pop()
        print("match", top, ch)
print("empty:", not stack)
queue = [1]
order = []
while queue:
    n = queue.pop(0)
    order.append(n)
    if n < 8:
        queue.append(2 * n)
        queue.append(2 * n + 1)
print(order)

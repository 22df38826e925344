xs = [10, 20, 30, 40, 50]
print(xs[1:3], xs[:2], xs[3:], xs[:])
print("workbench"[4:], "workbench"[:4])

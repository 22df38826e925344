# Lists compare element by element, then by length.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == (1, 2), [1.0] == [1])
print(sorted([[3, 1], [1, 2, 3], [1, 2], [2]]))
print(max([[1, 2], [1, 3], [0, 9]]))
try:
    [1, 2] < [1, "a"]
except TypeError as e:
    print("TypeError:", e)
print([1, 2] == [1, 2], [] == [], [[]] > [], [0] < [0, 0])

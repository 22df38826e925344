# zip stops at the shortest input; unzip with zip(*...).
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3, 4], "ab")))
print(list(zip()), list(zip([1])))
print(list(zip(range(3), range(10, 13), range(20, 23))))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
print(dict(zip("abc", [1, 2, 3])))
m = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*m)])

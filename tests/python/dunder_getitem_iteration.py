# A class with only __getitem__ is iterable (old sequence protocol) and supports `in`.
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
for v in Squares():
    print(v, end=" ")
print()
class Seq:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
s = Seq("abcde")
print(len(s), s[1], s[-1], s[1:3], list(reversed(s)))

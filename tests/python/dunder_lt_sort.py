# __lt__ enables sorting, min and max; other comparisons via reflection.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.10.0"]]
print(sorted(vs), min(vs), max(vs))
print(Version("2.0") > Version("1.9"), Version("1.0") < Version("1.0"), Version("3") == Version("3"))

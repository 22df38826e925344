# Instance footprint: create 1,000,000 instances of a small user class with two attributes and
# keep them all alive in a list (peak RSS is what this measures). Prints a checksum only.
COUNT = 1000000


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def main():
    items = []
    for i in range(COUNT):
        items.append(Pair(i, i * 7 % 1000))
    checksum = 0
    for p in items:
        checksum = (checksum + p.a * 31 + p.b) % 1000000007
    print("instances:", len(items))
    print("checksum:", checksum)


main()

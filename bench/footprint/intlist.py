# Footprint: one list of 4,000,000 ints kept alive (peak RSS is what this measures).
COUNT = 4000000


def main():
    xs = []
    for i in range(COUNT):
        xs.append(i * 7 % 1000003)
    total = 0
    for x in xs:
        total = (total + x) % 1000000007
    print("items:", len(xs))
    print("checksum:", total)


main()

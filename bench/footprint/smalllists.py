# Footprint: 1,000,000 lists of three ints kept alive in a list (the per-object cost).
COUNT = 1000000


def main():
    rows = []
    for i in range(COUNT):
        rows.append([i, i % 7, i % 1000])
    total = 0
    for row in rows:
        total = (total + row[0] + row[1] * 31 + row[2]) % 1000000007
    print("rows:", len(rows))
    print("checksum:", total)


main()

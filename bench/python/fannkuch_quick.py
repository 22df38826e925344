# fannkuch: pancake flipping over all permutations of 1..N. For each permutation, repeatedly
# (Quick variant: same program as fannkuch.py with smaller sizes, for --quick runs.)
# reverse the first k elements where k is the first element, until 1 comes first; report the
# maximum number of flips and a checksum (flip counts summed with alternating signs in the
# order the permutations are generated).
N = 8
REPEAT = 1


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        # Count the flips for the current permutation.
        first = perm1[0]
        if first != 0:
            perm = perm1[:]
            flips = 0
            k = first
            while k != 0:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign
        # Next permutation, by rotating prefixes (counting in a mixed radix).
        while r != 1:
            count[r - 1] = r
            r -= 1
        while True:
            if r == n:
                return checksum, max_flips
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    results = [fannkuch(N) for _ in range(REPEAT)]
    checksum, max_flips = results[0]
    if any(r != results[0] for r in results):
        print("inconsistent results")
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (N, max_flips))


main()

# spectral_norm: approximate the spectral norm (largest singular value) of the infinite
# (Quick variant: same program as spectral_norm.py with smaller sizes, for --quick runs.)
# matrix A with a[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to N x N,
# by ten steps of the power method on A^T A.
import math

N = 120


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    n = N
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("%.9f" % math.sqrt(vbv / vv))


main()

# chaos: the "chaos game" with splines. A few cubic B-spline curves define a family of
# (Quick variant: same program as chaos.py with smaller sizes, for --quick runs.)
# affine-like maps (each map sends the unit square onto a thin band along one segment of a
# curve); iterating randomly chosen maps from a start point draws a fractal outline of the
# curves. The pixels hit are counted into a grid, and a checksum of the grid is printed
# instead of writing an image. Randomness comes from a small LCG written here.
import math

ITERATIONS = 10000
WIDTH = 256
HEIGHT = 256
THICKNESS = 0.25


class Rng:
    """Linear congruential generator (the constants of the classic C library example)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return (self.next() >> 4) % n


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def mix(self, other, a, b):
        return Vec(self.x * a + other.x * b, self.y * a + other.y * b)


class Spline:
    """A clamped uniform cubic B-spline, evaluated with de Boor's algorithm."""

    def __init__(self, points, degree=3):
        self.points = points
        self.degree = degree
        n = len(points)
        inner = n - degree
        self.knots = [0.0] * degree + [i / inner for i in range(inner + 1)] + [1.0] * degree

    def domain(self):
        return self.knots[self.degree], self.knots[len(self.points)]

    def __call__(self, u):
        p = self.degree
        knots = self.knots
        n = len(self.points)
        # Find the knot span k with knots[k] <= u < knots[k + 1] (the last span includes 1.0).
        k = p
        while k < n - 1 and u >= knots[k + 1]:
            k += 1
        d = [self.points[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                lo = knots[j + k - p]
                hi = knots[j + 1 + k - r]
                alpha = (u - lo) / (hi - lo)
                d[j] = d[j - 1].mix(d[j], 1.0 - alpha, alpha)
        return d[p]


class ChaosGame:
    def __init__(self, splines, thickness):
        self.splines = splines
        self.thickness = thickness
        xs = [p.x for s in splines for p in s.points]
        ys = [p.y for s in splines for p in s.points]
        self.minx, self.maxx = min(xs), max(xs)
        self.miny, self.maxy = min(ys), max(ys)
        self.width = self.maxx - self.minx
        self.height = self.maxy - self.miny
        # Each spline gets a number of maps proportional to its length.
        max_length = thickness * self.width / self.height
        self.num_maps = []
        for s in splines:
            length = 0.0
            prev = s(0.0)
            for i in range(1, 500):
                cur = s(i / 499)
                length += (cur - prev).length()
                prev = cur
            self.num_maps.append(max(1, int(length / max_length * 1.5)))
        self.total_maps = sum(self.num_maps)

    def random_map(self, rng):
        r = rng.below(self.total_maps)
        for i, n in enumerate(self.num_maps):
            if r < n:
                return i, r
            r -= n
        return len(self.num_maps) - 1, 0

    def transform(self, point, rng):
        x = (point.x - self.minx) / self.width
        y = (point.y - self.miny) / self.height
        which, segment = self.random_map(rng)
        spline = self.splines[which]
        start, end = spline.domain()
        seg_length = (end - start) / self.num_maps[which]
        t = start + seg_length * segment + seg_length * x
        base = spline(t)
        eps = 1.0 / 50000
        if t + eps > end:
            tangent = base - spline(t - eps)
        else:
            tangent = spline(t + eps) - base
        mag = tangent.length()
        if mag != 0.0:
            offset = (y - 0.5) * self.thickness / mag
            base = Vec(base.x - tangent.y * offset, base.y + tangent.x * offset)
        return self.clamp(base)

    def clamp(self, p):
        x = min(max(p.x, self.minx), self.maxx)
        y = min(max(p.y, self.miny), self.maxy)
        return Vec(x, y)

    def run(self, iterations, w, h, rng):
        grid = [[0] * w for _ in range(h)]
        point = Vec((self.minx + self.maxx) / 2, (self.miny + self.maxy) / 2)
        for _ in range(iterations):
            point = self.transform(point, rng)
            px = int((point.x - self.minx) / self.width * w)
            py = int((point.y - self.miny) / self.height * h)
            if px == w:
                px -= 1
            if py == h:
                py -= 1
            grid[h - 1 - py][px] += 1
        return grid


def make_splines():
    # Three curves of my own choosing: an arch, a wave and a hook.
    arch = Spline([Vec(0.0, 0.0), Vec(0.5, 2.5), Vec(2.0, 3.2), Vec(3.5, 2.5), Vec(4.0, 0.0)])
    wave = Spline([Vec(0.3, 1.2), Vec(1.2, 2.0), Vec(2.0, 0.6), Vec(2.8, 2.0), Vec(3.7, 1.2)])
    hook = Spline([Vec(2.0, 3.0), Vec(2.1, 1.5), Vec(2.0, 0.2), Vec(1.2, -0.3), Vec(0.8, 0.4)])
    return [arch, wave, hook]


def main():
    game = ChaosGame(make_splines(), THICKNESS)
    grid = game.run(ITERATIONS, WIDTH, HEIGHT, Rng(1234))
    lit = 0
    checksum = 0
    for y, row in enumerate(grid):
        for x, hits in enumerate(row):
            if hits:
                lit += 1
                checksum = (checksum * 31 + (y * WIDTH + x) * hits) % 1000000007
    print("maps per spline:", game.num_maps)
    print("pixels lit: %d of %d" % (lit, WIDTH * HEIGHT))
    print("checksum:", checksum)
    # A coarse picture: one character per block of 8 x 16 pixels.
    for by in range(0, HEIGHT, 16):
        line = []
        for bx in range(0, WIDTH, 8):
            n = 0
            for y in range(by, by + 16):
                row = grid[y]
                for x in range(bx, bx + 8):
                    if row[x]:
                        n += 1
            line.append(" .:-=+*#"[min(7, n // 6)])
        print("".join(line).rstrip())


main()

# raytrace: a small recursive ray tracer (spheres and a checkered plane, two point lights,
# (Quick variant: same program as raytrace.py with smaller sizes, for --quick runs.)
# diffuse and specular shading, shadows and mirror reflections) rendering to an in-memory
# canvas. Prints a checksum of the pixel values and a coarse character picture.
import math

WIDTH = 64
HEIGHT = 48
MAX_DEPTH = 4


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def times(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


BLACK = Vec(0.0, 0.0, 0.0)
WHITE = Vec(1.0, 1.0, 1.0)
EPSILON = 1e-6


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect, checker=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess  # a power of two: applied by repeated squaring
        self.reflect = reflect
        self.checker = checker

    def color_at(self, point):
        if self.checker is None:
            return self.color
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.checker


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = 0.08

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            # Sky: a vertical gradient.
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.6, 0.7, 0.9).scale(k) + Vec(0.1, 0.1, 0.15).scale(1.0 - k)
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = normal.scale(-1.0)
        mat = obj.material
        base = mat.color_at(point)
        color = base.scale(self.ambient)
        view = ray.direction.scale(-1.0)
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0:
                color = color + base.times(light.color).scale(mat.diffuse * lambert)
                half = (to_light + view).normalized()
                spec = normal.dot(half)
                if spec > 0:
                    s = spec
                    power = 1
                    while power < mat.shininess:
                        s = s * s
                        power *= 2
                    color = color + light.color.scale(mat.specular * s)
        if mat.reflect > 0 and depth < MAX_DEPTH:
            d = ray.direction
            reflected = d - normal.scale(2.0 * d.dot(normal))
            bounce = self.trace(Ray(point, reflected), depth + 1)
            color = color.scale(1.0 - mat.reflect) + bounce.scale(mat.reflect)
        return color


def build_scene():
    scene = Scene()
    scene.objects.append(Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
                               Material(Vec(0.9, 0.9, 0.9), 0.8, 0.1, 8, 0.2, Vec(0.15, 0.15, 0.2))))
    scene.objects.append(Sphere(Vec(0.0, 1.0, 0.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.6, 32, 0.3)))
    scene.objects.append(Sphere(Vec(-2.2, 0.7, 1.0), 0.7, Material(Vec(0.2, 0.8, 0.3), 0.8, 0.4, 16, 0.1)))
    scene.objects.append(Sphere(Vec(2.0, 0.8, -1.0), 0.8, Material(Vec(0.8, 0.8, 0.9), 0.3, 0.9, 64, 0.7)))
    scene.objects.append(Sphere(Vec(0.8, 0.35, 2.0), 0.35, Material(Vec(0.9, 0.7, 0.1), 0.9, 0.3, 16, 0.0)))
    scene.lights.append(Light(Vec(-4.0, 6.0, 5.0), Vec(0.8, 0.8, 0.8)))
    scene.lights.append(Light(Vec(5.0, 4.0, 3.0), Vec(0.4, 0.35, 0.3)))
    return scene


def render(scene, width, height):
    eye = Vec(0.0, 2.2, 7.0)
    target = Vec(0.0, 0.8, 0.0)
    forward = (target - eye).normalized()
    right = forward.cross(Vec(0.0, 1.0, 0.0)).normalized()
    up = right.cross(forward)
    fov = math.tan(math.pi / 8)
    aspect = width / height
    pixels = []
    for j in range(height):
        row = []
        v = (1.0 - 2.0 * (j + 0.5) / height) * fov
        for i in range(width):
            u = (2.0 * (i + 0.5) / width - 1.0) * fov * aspect
            direction = forward + right.scale(u) + up.scale(v)
            c = scene.trace(Ray(eye, direction), 0)
            row.append((to_byte(c.x), to_byte(c.y), to_byte(c.z)))
        pixels.append(row)
    return pixels


def to_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def main():
    pixels = render(build_scene(), WIDTH, HEIGHT)
    checksum = 0
    total = 0
    for row in pixels:
        for r, g, b in row:
            total += r + g + b
            checksum = (checksum * 131 + r * 65536 + g * 256 + b) % 4294967291
    print("canvas: %d x %d" % (WIDTH, HEIGHT))
    print("sum of channels:", total)
    print("checksum:", checksum)
    shades = " .:-=+*#%@"
    step_y = HEIGHT // 15
    step_x = WIDTH // 40
    for j in range(0, HEIGHT, step_y):
        line = []
        for i in range(0, WIDTH, step_x):
            r, g, b = pixels[j][i]
            line.append(shades[(r + g + b) * len(shades) // 766])
        print("".join(line).rstrip())


main()

# time.time and time.perf_counter return increasing floats (values never printed).
import time
t0 = time.time()
p0 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
t1 = time.time()
p1 = time.perf_counter()
print(s)
print(isinstance(t0, float), isinstance(p0, float), t1 >= t0, p1 >= p0, t0 > 1e9)

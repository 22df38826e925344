# A memory bomb ends with the heap budget error (see .flags: 16 MiB), never an OOM crash.
xs = [7] * 1000
while True:
    xs = xs + xs

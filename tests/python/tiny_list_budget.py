# list() of a huge range is refused by the heap budget (16 MiB, see .flags) before it is built.
print(len(list(range(10 ** 9))))

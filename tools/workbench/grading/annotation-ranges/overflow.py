# Bounds that leave i64 are unknown: the program's integers become big ones.
def edge(flag):
    if flag:
        n = 9223372036854775806
    else:
        n = 9223372036854775807
    return n

def past(flag):
    return edge(flag) + 1

def below(flag):
    if flag:
        m = -9223372036854775807
    else:
        m = 0
    return m - 10

print(edge(True), past(False), below(True))

# find/rfind return -1 when absent; index raises.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find("a", 1), s.find("a", 1, 3))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind("a", 0, 5))
print(s.index("c"), s.rindex("a"), s.find(""), s.rfind(""))
print(s.find("abra", 1), s.find("ra", -3))
text = "one two one two one"
positions = []
start = 0
while True:
    i = text.find("one", start)
    if i < 0:
        break
    positions.append(i)
    start = i + 1
print(positions, text.rfind("two"), text.find("two", 5, 10))

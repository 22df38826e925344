# Slicing strings with start/stop/step, negatives and clamping.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(repr(s[5:2]), repr(s[20:]), s[-100:3], s[3:100])
print("hello world"[::-1], "racecar" == "racecar"[::-1])
s = "abcdefghij"
print(s[2:8:2], s[8:2:-2], s[-1::-3], s[1:-1][::-1])
print(s[:3] + s[3:] == s, s[::-1][::-1] == s)
for i in range(0, len(s), 3):
    print(i, s[i:i + 3])

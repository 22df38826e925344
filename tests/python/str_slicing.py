# Slicing strings with start/stop/step, negatives and clamping.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(repr(s[5:2]), repr(s[20:]), s[-100:3], s[3:100])
print("hello world"[::-1], "racecar" == "racecar"[::-1])

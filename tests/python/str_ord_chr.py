# ord/chr round trip over ASCII and beyond.
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
print(chr(65), chr(97), chr(48), chr(233), chr(8364), chr(128512))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "abc"], all(chr(ord(c)) == c for c in "mixed ✓ text"))
def caesar(text, k):
    out = []
    for c in text:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + k) % 26 + ord("a")))
        else:
            out.append(c)
    return "".join(out)
print(caesar("hello, world", 3), caesar(caesar("hello, world", 3), -3))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)

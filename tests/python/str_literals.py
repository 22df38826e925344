# String literal forms: quotes, triple quotes, escapes, implicit concatenation.
a = 'single'
b = "double"
c = """triple
quoted"""
d = ("implicit " "concat"
     "enation")
print(a, b, d)
print(c)
print("tab:\t|", "unicode:\u00e9\u4e2d", "hex:\x41", "octal:\101")
print('''it's "fine"''')
print(len("\\n"), len("\n"))
print("line one\
 continued")

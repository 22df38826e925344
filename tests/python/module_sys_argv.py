# sys.argv holds the script name (and no extra arguments here).
import sys
print(len(sys.argv))
print(isinstance(sys.argv[0], str), sys.argv[0].endswith(".py"))
args = sys.argv[1:]
print(args, len(args) == 0)
if len(sys.argv) > 1:
    print("extra arguments:", sys.argv[1:])
else:
    print("no extra arguments")
print(type(sys.argv).__name__)

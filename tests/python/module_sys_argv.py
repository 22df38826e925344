# sys.argv holds the script name (and no extra arguments here).
import sys
print(len(sys.argv))
print(isinstance(sys.argv[0], str), sys.argv[0].endswith(".py"))

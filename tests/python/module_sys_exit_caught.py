# sys.exit raises SystemExit, which can be caught.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
print("still running")
sys.exit(0)

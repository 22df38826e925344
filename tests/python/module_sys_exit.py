# sys.exit with an integer code ends the program with that exit status.
import sys
print("before exit")
def finish():
    try:
        sys.exit(3)
    finally:
        print("finally runs during exit")
finish()
print("not reached")

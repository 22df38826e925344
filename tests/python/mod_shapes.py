# Helper module for the import_* tests (not a test itself: it has no .out).
PI = 3.14159
print("mod_shapes loaded")
created = 0
def area_circle(r):
    return PI * r * r
def area_rect(w, h):
    return w * h
class Square:
    def __init__(self, side):
        global created
        created += 1
        self.side = side
    def area(self):
        return area_rect(self.side, self.side)
if __name__ == "__main__":
    print("mod_shapes run as a script")

# Helper module for the import_* tests: imports another helper.
import mod_shapes
NAME = __name__
def describe(sq):
    return "square of side %d has area %d" % (sq.side, sq.area())
def total_area(sides):
    return sum(mod_shapes.Square(s).area() for s in sides)
_private = "hidden"

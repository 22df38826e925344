# from module import names, and `as` aliases.
from mod_shapes import area_rect, Square as Sq, PI
import mod_util as util
print(area_rect(2, 8), PI)
print(util.describe(Sq(4)), util.NAME)
print(util.total_area([1, 2, 3]))
import mod_shapes
print(mod_shapes.created, Sq is mod_shapes.Square)
from mod_util import describe
print(describe(Sq(2)))

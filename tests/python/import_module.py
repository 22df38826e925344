# import of a sibling module; its top level runs once.
import mod_shapes
import mod_shapes
print(mod_shapes.PI, mod_shapes.area_circle(2), mod_shapes.area_rect(3, 4))
sq = mod_shapes.Square(5)
print(sq.area(), mod_shapes.created)
print(mod_shapes.__name__, type(mod_shapes).__name__)
mod_shapes.PI = 3
print(mod_shapes.area_circle(2))
print(mod_shapes.Square(2).area(), mod_shapes.created)

# An uncaught user-defined exception.
class InventoryError(Exception):
    pass
def take(stock, n):
    if n > stock:
        raise InventoryError("only %d left, wanted %d" % (stock, n))
    return stock - n
s = take(10, 4)
print(s)
s = take(s, 7)

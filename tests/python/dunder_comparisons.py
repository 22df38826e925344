# All rich comparisons defined by hand.
class Card:
    order = "23456789TJQKA"
    def __init__(self, r):
        self.r = r
    def rank(self):
        return Card.order.index(self.r)
    def __eq__(self, o): return self.rank() == o.rank()
    def __ne__(self, o): return self.rank() != o.rank()
    def __lt__(self, o): return self.rank() < o.rank()
    def __le__(self, o): return self.rank() <= o.rank()
    def __gt__(self, o): return self.rank() > o.rank()
    def __ge__(self, o): return self.rank() >= o.rank()
    def __repr__(self): return self.r
a, k, a2 = Card("A"), Card("K"), Card("A")
print(a == a2, a != k, k < a, a <= a2, a > k, k >= a)
print(sorted([Card(c) for c in "K2TA9J"]), max(Card(c) for c in "38Q5"))
print(Card("2") < Card("3") < Card("4"))

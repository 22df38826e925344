# A class with attributes, methods that return self, and a subclass.
class Account:
    rate = 0.5

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance = self.balance + amount
        self.history.append(amount)
        return self

    def interest(self):
        return self.balance * self.rate

    def __str__(self):
        return self.owner + ": " + str(self.balance)


class Savings(Account):
    def describe(self):
        return "savings of " + self.owner


a = Account("ann", 10)
a.deposit(5).deposit(7)
s = Savings("bob", 100)
print(a.interest(), s.describe(), str(a), len(a.history))

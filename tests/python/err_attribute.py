# Uncaught AttributeError on an instance.
class Account:
    def __init__(self):
        self.balance = 0
    def deposit(self, n):
        self.balance += n
acct = Account()
acct.deposit(5)
print(acct.balance)
print(acct.overdraft_limit)
print("not reached")

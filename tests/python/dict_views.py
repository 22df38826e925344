# keys/values/items views and iteration.
prices = {"apple": 3, "pear": 5, "fig": 2}
for k in prices:
    print(k, prices[k])
for k, v in prices.items():
    print(k, "->", v)
print(list(prices.keys()), list(prices.values()), list(prices.items()))
print(sum(prices.values()), max(prices, key=prices.get), len(prices.items()))
print("pear" in prices.keys(), 5 in prices.values(), ("fig", 2) in prices.items())
print(sorted(prices.keys() & {"fig", "kiwi"}))

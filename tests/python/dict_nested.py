# Nested dicts and lists: a small record store.
db = {
    "alice": {"age": 30, "langs": ["python", "rust"]},
    "bob": {"age": 25, "langs": ["c"]},
}
db["carol"] = {"age": 35, "langs": []}
db["bob"]["langs"].append("go")
db["alice"]["age"] += 1
for name in db:
    rec = db[name]
    print(name, rec["age"], ",".join(rec["langs"]) or "-")
print(sum(r["age"] for r in db.values()))
print(db["bob"])

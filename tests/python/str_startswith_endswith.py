# startswith/endswith with strings, tuples and start/end positions.
name = "report_2023.csv"
print(name.startswith("report"), name.startswith("data"), name.endswith(".csv"))
print(name.endswith((".txt", ".csv")), name.startswith(("a", "b", "r")), name.endswith(()))
print(name.startswith("2023", 7), name.endswith("report", 0, 6), "".startswith(""))
files = ["a.py", "b.txt", "c.py", "d.md", "e.rs"]
print([f for f in files if f.endswith((".py", ".rs"))])
url = "https://example.org/index.html"
print(url.startswith(("http://", "https://")), url.endswith(".html", 0, len(url)))
print(url.startswith("example", 8), url.endswith("index", 0, -5))

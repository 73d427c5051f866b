"""Reads a PostgreSQL server log (stdin) for auto_explain's plans and prints, as Markdown, the slowest plan of each
statement (statements told apart by their text with numbers and quoted values blanked), slowest first.
Usage: python3 bench/slow-plans.py [how many, 12] < server.log"""
import re
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 12
start = re.compile(r"LOG:\s+duration: ([\d.]+) ms\s+plan:")
entries, current = [], None
for line in sys.stdin:
    found = start.search(line)
    if found:
        current = {"ms": float(found.group(1)), "lines": []}
        entries.append(current)
    elif current is not None and line.startswith("\t"):
        current["lines"].append(line[1:].rstrip("\n"))
    else:
        current = None


def shape(entry):
    text = " ".join(entry["lines"])
    text = text.split("Query Text:", 1)[-1]
    text = re.sub(r"'[^']*'", "?", text)
    text = re.sub(r"\b\d+(\.\d+)?\b", "?", text)
    return re.sub(r"\s+", " ", text)[:300]


slowest, seen = {}, {}
for entry in entries:
    key = shape(entry)
    seen[key] = seen.get(key, 0) + 1
    if key not in slowest or entry["ms"] > slowest[key]["ms"]:
        slowest[key] = entry

if not slowest:
    print("No statement was slower than auto_explain's threshold.")
for number, (key, entry) in enumerate(sorted(slowest.items(), key=lambda kv: -kv[1]["ms"])[:limit], 1):
    print(f"### {number}. {entry['ms']:.1f} ms (over the threshold {seen[key]} times)")
    print()
    print("```")
    print("\n".join(entry["lines"]))
    print("```")
    print()

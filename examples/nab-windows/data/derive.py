# Derives the nab-windows example's files from NAB's machine_temperature_system_failure stream (see SOURCE.md).
# Run from the repository root: python3 examples/nab-windows/data/derive.py
import csv, json

STREAM = "realKnownCause/machine_temperature_system_failure.csv"
NAB = "examples/nab/data"
OUT = "examples/nab-windows/data"

windows = json.load(open(f"{NAB}/labels/combined_windows.json"))[STREAM]
# NAB's window bounds carry microseconds ('.000000'); the stream's timestamps do not. Text comparison is chronological.
bounds = [(start[:19], end[:19]) for start, end in windows]

with open(f"{NAB}/data/{STREAM}", newline="") as f:
    rows = list(csv.reader(f))[1:]

# The value text is copied as it is, so both drivers parse the same characters.
labelled = [(t, v, "yes" if any(s <= t <= e for s, e in bounds) else "no") for t, v in rows]
cut = int(len(labelled) * 0.7)
for name, part in (("train.csv", labelled[:cut]), ("heldout.csv", labelled[cut:])):
    with open(f"{OUT}/{name}", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["timestamp", "value", "anomaly"])
        w.writerows(part)
    print(name, len(part), "rows,", sum(r[2] == "yes" for r in part), "in an anomaly window")

"""Writes a seeded 1M-row x 20-column CSV for the lake benchmarks: 10 numeric columns (integers and
reals, some missing) and 10 text columns (categories of different cardinality, some missing)."""
import random
import sys

rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(42)
cards = [2, 5, 12, 50, 200, 1000, 5000, 20000, 7, 3]
with open(sys.argv[1], "w", encoding="utf-8", newline="") as out:
    out.write(",".join([f"n{i}" for i in range(10)] + [f"t{i}" for i in range(10)]) + "\n")
    for r in range(rows):
        fields = []
        for i in range(10):
            if rng.random() < 0.01:
                fields.append("")
            elif i % 2 == 0:
                fields.append(str(rng.randint(0, 100_000)))
            else:
                fields.append(f"{rng.gauss(50, 15):.4f}")
        for i, card in enumerate(cards):
            fields.append("" if rng.random() < 0.01 else f"c{i}_{rng.randrange(card)}")
        out.write(",".join(fields) + "\n")

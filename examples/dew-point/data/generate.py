"""Writes dew-point.csv: the dew point over a full grid of air temperature and relative humidity.

The Magnus formula with Sonntag's (1990) coefficients over water, b = 17.62 and c = 243.12 °C:
    gamma = ln(RH / 100) + b * T / (c + T)
    Td    = c * gamma / (b - gamma)
Temperatures from -10 °C to 40 °C in steps of 2 °C (26 values) and relative humidity from 10 % to 100 % in
steps of 5 % (19 values): 494 rows, every combination once. The dew point is rounded to 0.001 °C, as a printed
table would be; the rounded table is the function the model must reproduce.

Run: python3 generate.py (standard library only; the output is deterministic).
"""
import csv
import math

B, C = 17.62, 243.12

with open("dew-point.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["temperature_c", "relative_humidity", "dew_point_c"])
    for t in range(-10, 41, 2):
        for rh in range(10, 101, 5):
            gamma = math.log(rh / 100.0) + B * t / (C + t)
            writer.writerow([t, rh, f"{C * gamma / (B - gamma):.3f}"])

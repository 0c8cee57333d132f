#!/usr/bin/env python3
"""Writes practitioners_fte.csv: the synthetic doctors of doctors.csv with their activity
expressed in full-time equivalents (acts divided by the median of the rows' acts), to run the
professions counted in FTE (nurse, physiotherapist, midwife, dentist) end to end. SYNTHETIC: it
describes no real practitioner of any profession. Deterministic; standard library only.

Usage: python3 build_practitioners_fte.py doctors.csv practitioners_fte.csv
"""
import csv
import statistics
import sys


def main(src, dst):
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    median = statistics.median(float(r["acts"]) for r in rows)
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doctor_id", "commune", "fte", "age", "mode", "new_installation"])
        for r in rows:
            fte = round(float(r["acts"]) / median, 4)
            w.writerow([r["doctor_id"], r["commune"], f"{fte:.4f}", r["age"], r["mode"],
                        r["new_installation"]])
    print(f"{len(rows)} rows, median acts {median}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Builds population_sex_age.csv: residents by sex and five-year age band for every commune of
population.csv (Haute-Loire and its neighbours), an ESTIMATE for the end-to-end midwife test.

- Communes of the INSEE census file (census 2021, 3 273 larger communes): their own bands, as
  published (90+ = 90_94 + 95p).
- Other communes: the DREES total population (pop_totale, APL 2023) spread over the 38 sex-and-age
  cells with the pooled structure of all census communes of the same departement (first two
  characters of the code: 2A and 2B stay apart), or of all census communes when the departement
  has none. Each commune is split in thousandths by the largest remainder, so its bands add up
  to its pop_totale exactly; both sexes = men + women exactly.

Python 3 standard library only; deterministic (exact fractions, ties broken by cell order).

Usage (from the repository root, the shared data beside it):
  python3 data-samples/haute-loire-43/build_population_sex_age.py \
      ../shared/data/insee/pop_sexe_age5_rp2021_3273communes.csv \
      ../shared/data/drees/apl_mg_2023_france.csv
"""

import argparse
import csv
import hashlib
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
UNDER_90 = ["%d_%d" % (5 * a, 5 * a + 4) for a in range(18)]
OUT_BANDS = UNDER_90 + ["90p"]  # the 19 DREES bands
SEXES = ["h", "f"]  # INSEE: h = hommes (men), f = femmes (women)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def thousandths(text):
    """A census count as an exact integer number of thousandths."""
    v = Fraction(text.strip())
    t = v * 1000
    if t.denominator != 1 or v < 0:
        raise ValueError("count with more than 3 decimals or negative: %r" % text)
    return int(t)


def census_cells(row):
    """The 38 cells of a census row (men then women, 19 bands each), in thousandths."""
    cells = []
    for s in SEXES:
        for b in UNDER_90:
            cells.append(thousandths(row["%s_%s" % (s, b)]))
        cells.append(thousandths(row["%s_90_94" % s]) + thousandths(row["%s_95p" % s]))
    return cells


def spread(total, structure):
    """Splits total thousandths over the cells in proportion to structure (largest remainder)."""
    weight = sum(structure)
    quotas = [Fraction(total * c, weight) for c in structure]
    floors = [q.numerator // q.denominator for q in quotas]
    left = total - sum(floors)
    order = sorted(range(len(quotas)), key=lambda k: (-(quotas[k] - floors[k]), k))
    for k in order[:left]:
        floors[k] += 1
    return floors


def show(t):
    """Thousandths as a decimal, at most 3 decimals, no trailing zeros."""
    whole, frac = divmod(t, 1000)
    return str(whole) if frac == 0 else ("%d.%03d" % (whole, frac)).rstrip("0")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("census", help="insee/pop_sexe_age5_rp2021_3273communes.csv")
    ap.add_argument("drees", help="drees/apl_mg_2023_france.csv")
    ap.add_argument("--communes", default=os.path.join(HERE, "population.csv"),
                    help="the communes to cover, in order (default: population.csv here)")
    ap.add_argument("--out", default=os.path.join(HERE, "population_sex_age.csv"))
    args = ap.parse_args()

    census = {}
    pooled = {}
    national = [0] * 38
    for row in read_csv(args.census):
        code = row["code_commune"]
        cells = census_cells(row)
        census[code] = cells
        dep = pooled.setdefault(code[:2], [0] * 38)
        for k in range(38):
            dep[k] += cells[k]
            national[k] += cells[k]
    # The census file gives p = h + f exactly; check it rather than assume it.
    for row in read_csv(args.census):
        cells = census[row["code_commune"]]
        for a, b in enumerate(UNDER_90):
            if thousandths(row["p_" + b]) != cells[a] + cells[19 + a]:
                sys.exit("p_%s != h_%s + f_%s for %s" % (b, b, b, row["code_commune"]))
        if thousandths(row["p_90_94"]) + thousandths(row["p_95p"]) != cells[18] + cells[37]:
            sys.exit("p_90_94 + p_95p != h_ + f_ (90+) for %s" % row["code_commune"])
    total_pop = {r["code_commune"]: thousandths(r["pop_totale"]) for r in read_csv(args.drees)}
    codes = [r["commune"] for r in read_csv(args.communes)]

    header = ["commune"] + ["%s_%s" % (s, b) for s in ["p", "h", "f"] for b in OUT_BANDS]
    real = estimated = national_fallback = 0
    sum_real = sum_real_pop = sum_est = sum_est_pop = 0
    rows = []
    for code in codes:
        if code not in total_pop:
            sys.exit("commune %s of %s is not in %s" % (code, args.communes, args.drees))
        if code in census:
            cells = census[code]
            real += 1
            sum_real += sum(cells)
            sum_real_pop += total_pop[code]
        else:
            structure = pooled.get(code[:2])
            if structure is None or sum(structure) == 0:
                structure = national
                national_fallback += 1
            cells = spread(total_pop[code], structure)
            estimated += 1
            sum_est += sum(cells)
            sum_est_pop += total_pop[code]
        men, women = cells[:19], cells[19:]
        both = [men[a] + women[a] for a in range(19)]
        rows.append([code] + [show(v) for v in both + men + women])

    tmp = args.out + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    os.replace(tmp, args.out)

    print("inputs: census sha256 %s, drees sha256 %s, communes sha256 %s"
          % (sha256(args.census), sha256(args.drees), sha256(args.communes)))
    print("wrote %s: %d communes, %d real census, %d estimated (%d with the national structure)"
          % (args.out, len(rows), real, estimated, national_fallback))
    print("estimated communes: bands %s, pop_totale %s" % (show(sum_est), show(sum_est_pop)))
    print("census communes: bands %s, pop_totale %s (difference %s)"
          % (show(sum_real), show(sum_real_pop), show_signed(sum_real - sum_real_pop)))
    print("whole file: bands %s, pop_totale %s (difference %s)"
          % (show(sum_real + sum_est), show(sum_real_pop + sum_est_pop),
             show_signed(sum_real + sum_est - sum_real_pop - sum_est_pop)))
    print("output sha256 %s" % sha256(args.out))


def show_signed(t):
    return ("-" if t < 0 else "+") + show(abs(t))


if __name__ == "__main__":
    main()

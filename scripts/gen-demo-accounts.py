#!/usr/bin/env python3
"""Writes demo/accounts.csv: the paper's accounts table (1,000 rows).

The first twelve rows are the ones visible in the paper's screenshot; the rest are generated from
a fixed seed, so the file is reproducible. Run: python3 scripts/gen-demo-accounts.py
"""
import csv
import pathlib
import random

PAPER_ROWS = [
    (1, "Florette", "Dumphy", 12507, 0.46, "fdumphy0@mtv.com"),
    (2, "Stacy", "Danjoie", 59174, 0.41, "sdanjoie1@mozilla.org"),
    (3, "Maribeth", "Brinson", 15672, 0.64, "mbrinson2@pagesperso-orange.fr"),
    (4, "Emmi", "Auden", 15640, 0.33, "eauden3@amazon.co.jp"),
    (5, "Lizette", "Dayment", 12645, 0.53, "ldayment4@netvibes.com"),
    (6, "Herold", "Aleksidze", 71953, 0.36, "haleksidze5@mozilla.com"),
    (7, "Theadora", "Merrywether", 51218, 0.23, "tmerrywether6@webnode.com"),
    (8, "Clarabelle", "Gutman", 94945, 0.56, "cgutman7@prweb.com"),
    (9, "See", "Wrack", 34301, 0.13, "swrack8@stumbleupon.com"),
    (10, "Pammi", "Jonah", 21164, 0.64, "pjonah9@usgs.gov"),
    (11, "Garvy", "Hayer", 18277, 0.48, "ghayera@com.com"),
    (12, "Roosevelt", "Petru", 59443, 0.89, "rpetrub@merriam-webster.com"),
]
FIRST = ["Ada", "Bram", "Céline", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hana", "Ingrid", "José",
         "Kwame", "Lena", "Mateo", "Nnamdi", "Olga", "Priya", "Quentin", "Rosa", "Søren", "Tariq",
         "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë"]
LAST = ["Abara", "Bergström", "Castillo", "Dubois", "Eriksen", "Fujita", "García", "Haddad",
        "Ivanova", "Jensen", "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Petrović",
        "Quispe", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Wójcik", "Xu", "Yilmaz", "Zhou"]
DOMAINS = ["mtv.com", "mozilla.org", "amazon.co.jp", "netvibes.com", "webnode.com", "prweb.com",
           "usgs.gov", "example.com", "uni-bonn.de", "correo.es"]


def main() -> None:
    rng = random.Random(6858)
    rows = list(PAPER_ROWS)
    for row_id in range(len(rows) + 1, 1001):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        local = (first[0] + last).lower().replace("'", "")
        email = f"{local}{row_id}@{rng.choice(DOMAINS)}"
        rows.append((row_id, first, last, rng.randint(0, 100000), round(rng.randint(1, 99) / 100, 2), email))
    out = pathlib.Path(__file__).resolve().parent.parent / "demo" / "accounts.csv"
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "firstName", "lastName", "balance", "rate", "email"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()

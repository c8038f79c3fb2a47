"""Make the training names of the character-level language model, once, from PyPI's `names` package.

The original assignment trained on a list of dinosaur names that we cannot ship. We use first names
instead: the 1990 US Census lists of female and male first names (public domain), as bundled with
the `names` package (version 0.3.0, MIT licence, by Trey Hunner), which only this script needs:

    python3 -m venv /tmp/namesvenv && /tmp/namesvenv/bin/pip install names==0.3.0
    /tmp/namesvenv/bin/python scripts/make_names_dataset.py

Every name is lower-cased and kept when it is made of the letters a-z only; duplicates (names listed
as both female and male) are kept once, and the list is sorted, one name per line. The file keeps
the original course's name, `dinos.txt`, so that code written for the original assignment (which
opens that file itself) runs unchanged. Running the script again gives the same bytes.
"""
import re
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AID = "c5w1_char_language_model"
SOURCES = ("dist.female.first", "dist.male.first")

ATTRIBUTION = """\
dinos.txt: {count} first names, one per line, lower case, letters a-z only, sorted.

Despite its file name (kept from the original course so that code written for it runs unchanged),
this file holds people's first names, not dinosaur names.

Source: the US Census Bureau's 1990 lists of female and male first names ("Frequently Occurring
First Names and Surnames From the 1990 Census"), a work of the United States Government and in the
public domain. We use the copy bundled with the Python package `names` {version} by Trey Hunner
(files names/dist.female.first and names/dist.male.first; the package is MIT-licensed and states
that these data files are public domain, derived from 1990 Census data).

Changes made by scripts/make_names_dataset.py of this course: only the first column (the name) is
kept; names are lower-cased; names containing anything other than a-z are dropped; a name in both
lists is kept once; the list is sorted.
"""


def read_names(package_files):
    names = set()
    for filename in SOURCES:
        for line in (package_files / filename).read_text().splitlines():
            if not line.strip():
                continue
            name = line.split()[0].lower()
            if re.fullmatch(r"[a-z]+", name):
                names.add(name)
    return sorted(names)


def main():
    names = read_names(resources.files("names"))
    out = ROOT / "course" / AID
    (out / "dinos.txt").write_text("".join(name + "\n" for name in names))
    (out / "LICENSE-names.txt").write_text(ATTRIBUTION.format(count=len(names), version=metadata.version("names")))
    print(f"{len(names)} names written to {out / 'dinos.txt'}")


if __name__ == "__main__":
    main()

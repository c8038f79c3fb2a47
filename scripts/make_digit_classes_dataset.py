"""Make the ten-class digits data set of the batch-normalization assignment, once, from scikit-learn.

The softmax assignment needs more than two classes. We use real handwritten digits with all ten
labels: the UCI "Optical Recognition of Handwritten Digits" data as bundled with scikit-learn
(1797 pictures of 8x8 pixels, values 0..16). Nothing is resized: the arrays keep the 8x8 pictures
as uint8 and the digit 0..9 as the label, with a fixed random split into a training and a test set.

scikit-learn is needed only to run this script, never by the course:

    python3 -m venv /tmp/sk && /tmp/sk/bin/pip install scikit-learn
    /tmp/sk/bin/python scripts/make_digit_classes_dataset.py

It writes course/c2w3_batchnorm_softmax/datasets/digits10.npz and LICENSE-digits.txt. The .npz is a
zip written with fixed timestamps, so running the script again with the same scikit-learn gives the
same bytes. (scripts/make_digits_dataset.py makes the binary, enlarged version of Course 1.)
"""
import io
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "c2w3_batchnorm_softmax"
SPLIT_SEED = 3
M_TEST = 497  # the other 1300 pictures are the training set

ATTRIBUTION = """\
Pictures: E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine
Learning Repository (1998), https://doi.org/10.24432/C50P49, licensed under Creative Commons
Attribution 4.0 International (CC BY 4.0). We use the copy bundled with scikit-learn
(sklearn.datasets.load_digits, scikit-learn {version}, BSD 3-Clause licence, reproduced below).

Changes made by scripts/make_digit_classes_dataset.py of this course: the {m} pictures of
scikit-learn's copy shuffled with seed {seed} and split into {m_train} training and {m_test} test
pictures; pixels kept as 8x8 values 0..16 (stored as uint8), labels the digits 0 to 9.
"""


def sklearn_licence():
    """The BSD 3-Clause text of the installed scikit-learn (its own part, not bundled libraries)."""
    dist = metadata.distribution("scikit-learn")
    files = [f for f in dist.files or [] if f.name in ("COPYING", "LICENSE")]
    if not files:
        sys.exit("cannot find scikit-learn's licence file in its installed metadata")
    text = files[0].read_text()
    return text.split("\n----\n")[0].strip() + "\n", dist.version


def write_npz(path, arrays):
    """Like np.savez_compressed, but with fixed zip timestamps so the bytes are reproducible."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


def main():
    from sklearn.datasets import load_digits  # only this script needs scikit-learn

    digits = load_digits()
    licence, version = sklearn_licence()
    m = len(digits.target)
    order = np.random.RandomState(SPLIT_SEED).permutation(m)
    train, test = order[:m - M_TEST], order[m - M_TEST:]
    images = np.round(digits.images).astype(np.uint8)  # the values are whole numbers 0..16
    labels = digits.target.astype(np.int64)
    notice = ATTRIBUTION.format(version=version, m=m, seed=SPLIT_SEED, m_train=len(train), m_test=M_TEST)
    arrays = {
        "train_images": images[train], "train_labels": labels[train],
        "test_images": images[test], "test_labels": labels[test],
        "classes": np.array([str(d).encode() for d in range(10)]), "attribution": np.array(notice),
    }
    folder = ROOT / "course" / ASSIGNMENT / "datasets"
    folder.mkdir(parents=True, exist_ok=True)
    write_npz(folder / "digits10.npz", arrays)
    (folder / "LICENSE-digits.txt").write_text(notice + "\n" + "-" * 72 + "\n\n" + licence)
    print("wrote", folder / "digits10.npz")
    print(f"train: {len(train)} pictures, per class {np.bincount(labels[train]).tolist()}; "
          f"test: {M_TEST} pictures, per class {np.bincount(labels[test]).tolist()}")


if __name__ == "__main__":
    main()

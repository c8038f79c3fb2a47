"""Make the picture data set of the two image assignments, once, from scikit-learn's digits.

The original course used photos of cats that we cannot ship. We use real handwritten digits instead:
the UCI "Optical Recognition of Handwritten Digits" data as bundled with scikit-learn. The task is
binary, like the original: is the digit *high* (5 to 9, label 1) or *low* (0 to 4, label 0)? A
straight line through pixel space separates these groups poorly (each group is five different
shapes), which is exactly where a deep network pays off.

Each 8x8 picture (pixel values 0..16) is enlarged to 16x16 by bilinear interpolation, scaled to
0..255 and stored in three identical colour channels, so the arrays have the layout of the original
photos: (m, num_px, num_px, 3) uint8, labels (m,) int64, class names as bytes.

scikit-learn is needed only to run this script, never by the course:

    python3 -m venv /tmp/sk && /tmp/sk/bin/pip install scikit-learn
    /tmp/sk/bin/python scripts/make_digits_dataset.py

It writes course/<id>/datasets/digits.npz and LICENSE-digits.txt for each assignment that uses
pictures. The .npz is a zip written with fixed timestamps, so running the script again with the
same scikit-learn gives the same bytes.
"""
import io
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = ("c1w2_logistic_regression", "c1w4_deep_nn_application")
NUM_PX = 16
SPLIT_SEED = 0
M_TRAIN, M_TEST = 300, 300
CLASSES = np.array([b"low (0-4)", b"high (5-9)"])

ATTRIBUTION = """\
Pictures: E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine
Learning Repository (1998), https://doi.org/10.24432/C50P49, licensed under Creative Commons
Attribution 4.0 International (CC BY 4.0). We use the copy bundled with scikit-learn
(sklearn.datasets.load_digits, scikit-learn {version}, BSD 3-Clause licence, reproduced below).

Changes made by scripts/make_digits_dataset.py of this course: {m_train} training and {m_test} test
pictures drawn at random (seed {seed}) from the 1797 of scikit-learn's copy; each 8x8 picture
enlarged to {px}x{px} by bilinear interpolation, scaled from 0..16 to 0..255 and repeated in three
colour channels; labels 1 for the digits 5 to 9 and 0 for the digits 0 to 4 (the digit itself is
kept under train_digit / test_digit).
"""


def enlarge(image, size):
    """Bilinear interpolation of a square picture to size x size, sampling at pixel centres."""
    n = image.shape[0]
    pos = np.clip((np.arange(size) + 0.5) * n / size - 0.5, 0, n - 1)
    low = np.floor(pos).astype(int)
    high = np.minimum(low + 1, n - 1)
    frac = pos - low
    rows = image[low] * (1 - frac)[:, None] + image[high] * frac[:, None]
    return rows[:, low] * (1 - frac)[None, :] + rows[:, high] * frac[None, :]


def pictures(images):
    """(m, 8, 8) values 0..16 -> (m, NUM_PX, NUM_PX, 3) uint8."""
    big = np.stack([enlarge(image, NUM_PX) for image in images]) / 16.0
    gray = np.round(big * 255).astype(np.uint8)
    return np.repeat(gray[..., None], 3, axis=-1)


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
    order = np.random.RandomState(SPLIT_SEED).permutation(len(digits.target))
    train, test = order[:M_TRAIN], order[-M_TEST:]
    images, digit = pictures(digits.images), digits.target.astype(np.int64)
    label = (digit >= 5).astype(np.int64)
    notice = ATTRIBUTION.format(version=version, m_train=M_TRAIN, m_test=M_TEST, seed=SPLIT_SEED, px=NUM_PX)
    arrays = {
        "train_set_x": images[train], "train_set_y": label[train], "train_digit": digit[train],
        "test_set_x": images[test], "test_set_y": label[test], "test_digit": digit[test],
        "list_classes": CLASSES, "attribution": np.array(notice),
    }
    for aid in ASSIGNMENTS:
        folder = ROOT / "course" / aid / "datasets"
        folder.mkdir(parents=True, exist_ok=True)
        write_npz(folder / "digits.npz", arrays)
        (folder / "LICENSE-digits.txt").write_text(notice + "\n" + "-" * 72 + "\n\n" + licence)
        print("wrote", folder / "digits.npz")
    print(f"train: {M_TRAIN} pictures, {int(label[train].sum())} high; "
          f"test: {M_TEST} pictures, {int(label[test].sum())} high")


if __name__ == "__main__":
    main()

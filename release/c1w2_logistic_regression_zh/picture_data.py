# Generated copy of course/common/picture_data.py, shipped by `make build`: do not edit.
"""The labelled pictures of the image assignments: the original files when present, else bundled digits.

read_pictures(folder) reads the original course's `train_catvnoncat.h5` and `test_catvnoncat.h5` when
an instructor has put both into `folder` (that needs the h5py package). Otherwise it reads the bundled
handwritten digits, `digits.npz`: 16x16 pictures of the digits 0 to 9, labelled 1 ("high") for 5 to 9
and 0 ("low") for 0 to 4. See LICENSE-digits.txt beside it for their source.
"""
import os

import numpy as np

H5_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")
NPZ_FILE = "digits.npz"


def _read_h5(train_path, test_path):
    try:
        import h5py
    except ImportError:
        raise ImportError("datasets/ holds the original .h5 files, and reading them needs the h5py package: "
                          "run `pip install h5py`, or remove the two .h5 files to use the bundled digits") from None
    with h5py.File(train_path, "r") as train, h5py.File(test_path, "r") as test:
        return {"train_set_x": np.array(train["train_set_x"][:]), "train_set_y": np.array(train["train_set_y"][:]),
                "test_set_x": np.array(test["test_set_x"][:]), "test_set_y": np.array(test["test_set_y"][:]),
                "list_classes": np.array(test["list_classes"][:])}


def _read_npz(path):
    with np.load(path, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def read_pictures(folder):
    """Return train_x_orig, train_y, test_x_orig, test_y, classes read from `folder`.

    train_x_orig -- pictures, (m_train, num_px, num_px, 3) uint8;  train_y -- labels 0/1, (1, m_train)
    test_x_orig, test_y -- the same for the test pictures;  classes -- the two class names, as bytes
    """
    h5_paths = [os.path.join(folder, name) for name in H5_FILES]
    present = [os.path.basename(p) for p in h5_paths if os.path.exists(p)]
    if len(present) == 2:
        data = _read_h5(*h5_paths)
    elif present:
        missing = [name for name in H5_FILES if name not in present]
        raise FileNotFoundError(f"datasets/ holds {present[0]} but not {missing[0]}: the original data needs "
                                "both files (or neither, to use the bundled digits)")
    else:
        data = _read_npz(os.path.join(folder, NPZ_FILE))
    return (data["train_set_x"], data["train_set_y"].reshape(1, -1),
            data["test_set_x"], data["test_set_y"].reshape(1, -1), data["list_classes"])

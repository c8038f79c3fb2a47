"""Make the picture of the convolution assignment, once, from matplotlib's bundled sample data.

The notebook shows what padding, a filter and pooling do to a real photograph. matplotlib (which the
course installs anyway) ships a public-domain portrait of Grace Hopper in its sample data. This
script shrinks it by averaging blocks of 4 x 4 pixels (600 x 512 -> 150 x 128, RGB) so that the
learners' loop-based functions process it in a fraction of a second, and writes

    course/c4w1_convolution_step_by_step/images/grace_hopper.npy   (uint8, (150, 128, 3))
    course/c4w1_convolution_step_by_step/images/LICENSE-images.txt

np.save writes the same bytes for the same array, so running it again changes nothing.

    .venv/bin/python scripts/make_conv_images.py
"""
from importlib import metadata
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "course" / "c4w1_convolution_step_by_step" / "images"
BLOCK = 4

NOTICE = """\
grace_hopper.npy: portrait of Commodore Grace M. Hopper, U.S. Navy, photograph by James S. Davis
(U.S. Navy, 1984), a work of the United States federal government and therefore in the public
domain. We use the copy that matplotlib bundles as sample data
(matplotlib/mpl-data/sample_data/grace_hopper.jpg, matplotlib {version}).

Changes made by scripts/make_conv_images.py of this course: the 600 x 512 RGB photograph shrunk
to {h} x {w} by averaging blocks of {block} x {block} pixels, rounded to uint8, stored as a numpy
array.
"""


def shrink(image, block):
    """Average non-overlapping block x block tiles of an (H, W, 3) picture."""
    h, w = image.shape[0] // block, image.shape[1] // block
    tiles = image[:h * block, :w * block].astype(float).reshape(h, block, w, block, 3)
    return np.round(tiles.mean(axis=(1, 3))).astype(np.uint8)


def main():
    source = Path(matplotlib.get_data_path()) / "sample_data" / "grace_hopper.jpg"
    small = shrink(plt.imread(source), BLOCK)
    FOLDER.mkdir(parents=True, exist_ok=True)
    np.save(FOLDER / "grace_hopper.npy", small, allow_pickle=False)
    notice = NOTICE.format(version=metadata.version("matplotlib"), h=small.shape[0], w=small.shape[1], block=BLOCK)
    (FOLDER / "LICENSE-images.txt").write_text(notice)
    print("wrote", FOLDER / "grace_hopper.npy", small.shape)


if __name__ == "__main__":
    main()

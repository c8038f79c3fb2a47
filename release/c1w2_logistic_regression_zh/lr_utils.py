"""The pictures of the logistic regression assignment, and a way to look at them.

load_dataset() reads the original course's `train_catvnoncat.h5` and `test_catvnoncat.h5` when an
instructor has put both into datasets/ (that needs the h5py package). Otherwise it reads the
bundled handwritten digits, datasets/digits.npz: 16x16 pictures of the digits 0 to 9, labelled 1
("high") for 5 to 9 and 0 ("low") for 0 to 4. See datasets/LICENSE-digits.txt for their source.
"""
import os

from edition import say
from picture_data import H5_FILES, read_pictures  # H5_FILES: the names an instructor may drop in

DATASETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets")


def load_dataset(folder=DATASETS):
    """Return train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes.

    train_set_x_orig -- pictures, (m_train, num_px, num_px, 3) uint8
    train_set_y -- labels 0 or 1, (1, m_train)
    test_set_x_orig, test_set_y -- the same for the m_test test pictures
    classes -- the names of label 0 and label 1, as bytes (use .decode("utf-8") to print them)
    """
    return read_pictures(folder)


def show_pictures(images, labels, classes, predictions=None, count=8):
    """Draw the first `count` pictures in a row, titled with their label (and a prediction, if given).

    images -- (m, num_px, num_px, 3) uint8;  labels, predictions -- (1, m) of 0/1
    """
    import matplotlib.pyplot as plt

    count = min(count, images.shape[0])
    fig, axes = plt.subplots(1, count, figsize=(1.5 * count, 2.0), squeeze=False)
    for i, ax in enumerate(axes[0]):
        ax.imshow(images[i], interpolation="nearest")
        truth = int(labels[0, i])
        if predictions is None:
            ax.set_title(classes[truth].decode("utf-8"), fontsize=9)
        else:
            guess = int(predictions[0, i])
            ax.set_title(say(f"true: {classes[truth].decode('utf-8')}\nsaid: {classes[guess].decode('utf-8')}",
                             f"真实：{classes[truth].decode('utf-8')}\n预测：{classes[guess].decode('utf-8')}"),
                         fontsize=8, color="black" if guess == truth else "red")
        ax.axis("off")
    plt.tight_layout()
    plt.show()

"""The picture and the plots of the convolution assignment. numpy and matplotlib only.

Tensors follow the assignment's layout: a batch of pictures has shape (m, n_H, n_W, n_C).
"""
import os

import matplotlib.pyplot as plt
import numpy as np

_HERE = os.path.dirname(os.path.abspath(__file__))


def load_portrait():
    """Grace Hopper's portrait (public domain, see images/LICENSE-images.txt) as a batch of one.

    Returns a float array of shape (1, 150, 128, 3) with values between 0 and 1.
    """
    picture = np.load(os.path.join(_HERE, "images", "grace_hopper.npy"))
    return picture[np.newaxis].astype(float) / 255


def to_gray(images):
    """(m, n_H, n_W, 3) colour pictures -> (m, n_H, n_W, 1) gray ones, the mean of the channels."""
    return images.mean(axis=3, keepdims=True)


def show_row(pictures, titles, size=3.2, cmap="gray"):
    """Draw pictures side by side, each a (n_H, n_W) or (n_H, n_W, 3) array, with its shape below
    its title. Colour pictures are clipped to [0, 1]; one-channel ones are stretched to their range."""
    fig, axes = plt.subplots(1, len(pictures), figsize=(size * len(pictures), size * 1.3), layout="constrained")
    for ax, picture, title in zip(np.atleast_1d(axes), pictures, titles):
        picture = np.asarray(picture)
        if picture.ndim == 3 and picture.shape[2] == 1:
            picture = picture[:, :, 0]
        if picture.ndim == 3:
            ax.imshow(np.clip(picture, 0, 1))
        else:
            ax.imshow(picture, cmap=cmap)
        ax.set_title(f"{title}\n{picture.shape[0]} x {picture.shape[1]}", fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
    return fig

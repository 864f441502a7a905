"""Load the simulator's labelled CSV: a header row (label, then feature names), empty field = missing."""
import glob
import io
import json
import os

import numpy as np


def _csv_files(channel_dir):
    files = sorted(glob.glob(os.path.join(channel_dir, "*.csv")))
    if not files:
        raise FileNotFoundError(f"no .csv file in channel {channel_dir}")
    return files


def _read(path):
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
        rest = handle.read()
    if not rest.strip():
        # A header-only file (an empty window): no rows, rather than numpy's "Empty input" warning.
        return header, np.empty((0, len(header)))
    data = np.genfromtxt(io.StringIO(rest), delimiter=",", dtype=np.float64, filling_values=np.nan)
    return header, np.atleast_2d(data)


def load_channel(channel_dir):
    """All CSVs of a SageMaker channel directory, which must share one header.

    Returns (feature_names, X, y): the names come from the header, never from a list kept here.
    """
    header, parts = None, []
    for path in _csv_files(channel_dir):
        file_header, data = _read(path)
        if header is not None and file_header != header:
            raise ValueError(f"{path}: header differs from the channel's first file")
        header = file_header
        parts.append(data)
    data = np.vstack(parts)
    if len(data) == 0:
        raise ValueError(f"channel {channel_dir} has no data rows (only a header)")
    return header[1:], data[:, 1:], data[:, 0]


def load_feature_spec(channel_dir, feature_names):
    """Feature types exported from the TypeScript schema (features.json), checked against the header."""
    path = os.path.join(channel_dir, "features.json")
    if not os.path.exists(path):
        return [{"name": name, "type": "numeric"} for name in feature_names]
    with open(path, encoding="utf-8") as handle:
        spec = json.load(handle)
    if [f["name"] for f in spec] != list(feature_names):
        raise ValueError("features.json does not match the CSV header: regenerate the training data")
    return spec

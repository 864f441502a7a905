"""Load the simulator's labelled CSV: a header row (label, then feature names), empty field = missing."""
import glob
import io
import json
import os
import re

import numpy as np

# An empty CSV field: at the start of a line or after a comma, before a comma or the line's end.
_EMPTY_FIELD = re.compile(r"(?m)(?<![^,\n])(?=,|$)")


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
    # numpy's C loadtxt is ~3x faster than genfromtxt (half of a retrain's time was parsing); it reads
    # no empty fields, so they become "nan" first. Same float64 values as genfromtxt (checked on every
    # simulated set), and a field that is not a number is an error rather than a silent NaN.
    filled = _EMPTY_FIELD.sub("nan", rest.rstrip("\r\n"))
    return header, np.loadtxt(io.StringIO(filled), delimiter=",", dtype=np.float64, ndmin=2)


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

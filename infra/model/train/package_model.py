"""Pack xgboost-model into model.tar.gz the way SageMaker's XGBoost container expects it.

Byte-for-byte reproducible: fixed mtime/owner in the tar header and in the gzip header, so
retraining the same data gives the same archive (and a clean git diff).
Usage: package_model.py <model_dir>
"""
import gzip
import io
import os
import sys
import tarfile

MODEL_FILE = "xgboost-model"


def package(model_dir):
    with open(os.path.join(model_dir, MODEL_FILE), "rb") as handle:
        payload = handle.read()
    info = tarfile.TarInfo(MODEL_FILE)
    info.size, info.mtime, info.mode = len(payload), 0, 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        tar.addfile(info, io.BytesIO(payload))
    with open(os.path.join(model_dir, "model.tar.gz"), "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
            gz.write(raw.getvalue())


if __name__ == "__main__":
    package(sys.argv[1])

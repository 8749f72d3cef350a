"""Batch extraction beyond one process: the Dask runner (``rasd batch``) and its Parquet dataset.

Importing this package is light: dask, distributed and pyarrow are imported by the modules that
use them (the ``batch`` extra: ``pip install rasd[batch]``).
"""

"""tiktoken (PyPI), the reference datalint's token counts are checked against, loaded without a network.

`get_encoding(name)` is `tiktoken.get_encoding(name)`: tiktoken's own pattern, special tokens and hash check. Only
the file download is replaced: tiktoken asks for https://…/<name>.tiktoken, and gets the bytes of the rank file
that bench/tokens/install_rank_files.py installed (found where datalint looks: $DATALINT_TIKTOKEN_DIR, else
$XDG_DATA_HOME/datalint/tiktoken or ~/.local/share/datalint/tiktoken). tiktoken still checks the SHA-256 of those
bytes against its expected hash, so a wrong file fails here rather than producing a wrong reference.
"""

import os
import pathlib
import tempfile

import tiktoken
import tiktoken.load


def rank_file_directory() -> pathlib.Path:
    if os.environ.get("DATALINT_TIKTOKEN_DIR"):
        return pathlib.Path(os.environ["DATALINT_TIKTOKEN_DIR"])
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return pathlib.Path(data_home) / "datalint" / "tiktoken"


def _read_installed(blobpath: str) -> bytes:
    path = rank_file_directory() / blobpath.rsplit("/", 1)[-1]
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run python3 bench/tokens/install_rank_files.py first")
    return path.read_bytes()


def get_encoding(name: str) -> "tiktoken.Encoding":
    # A private, empty cache directory: tiktoken misses it, calls read_file (replaced below), checks the hash.
    previous_cache = os.environ.get("TIKTOKEN_CACHE_DIR")
    previous_read = tiktoken.load.read_file
    with tempfile.TemporaryDirectory() as cache:
        os.environ["TIKTOKEN_CACHE_DIR"] = cache
        tiktoken.load.read_file = _read_installed
        try:
            return tiktoken.get_encoding(name)
        finally:
            tiktoken.load.read_file = previous_read
            if previous_cache is None:
                del os.environ["TIKTOKEN_CACHE_DIR"]
            else:
                os.environ["TIKTOKEN_CACHE_DIR"] = previous_cache


def fnv1a64(tokens) -> int:
    """FNV-1a (64-bit) of the token ids, each as four little-endian bytes; TiktokenParityTests computes the same."""
    value = 0xCBF29CE484222325
    for token in tokens:
        for shift in (0, 8, 16, 24):
            value ^= (token >> shift) & 0xFF
            value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value

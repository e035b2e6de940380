#!/usr/bin/env python3
"""Starts moto's server (what `moto_server` runs) after filling the emulator gaps that ttsgen's
templates hit (tests/e2e/moto_patches.py, documented in docs/emulator.md).

Usage: moto_launcher.py -H 127.0.0.1 -p PORT   (the arguments of moto_server)"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import moto_patches  # noqa: E402  (after the path is set)
from moto import server  # noqa: E402


def main():
    names = moto_patches.apply()
    print("ttsgen e2e: moto patched: " + ", ".join(names), file=sys.stderr, flush=True)
    server.main(sys.argv[1:])


if __name__ == "__main__":
    main()

"""Extracts axe.min.js from a downloaded axe-playwright-python wheel and checks it is axe-core 4.x.

Usage: python extract_axe.py WHEEL_FOLDER OUTPUT_FILE
"""
import glob
import re
import sys
import zipfile


def main(folder: str, output: str) -> int:
    wheels = sorted(glob.glob(f"{folder}/axe_playwright_python-*.whl"))
    if len(wheels) != 1:
        print(f"error: expected one axe_playwright_python wheel in {folder}, found {wheels}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = [n for n in wheel.namelist() if n.endswith("/axe.min.js")]
        if len(names) != 1:
            print(f"error: {wheels[0]} has no single axe.min.js ({names})", file=sys.stderr)
            return 1
        source = wheel.read(names[0])
    match = re.match(rb"/\*! axe v(\d+)\.(\d+)\.(\d+)", source)
    if not match or match.group(1) != b"4":
        print(f"error: {names[0]} is not axe-core 4.x (header: {source[:40]!r})", file=sys.stderr)
        return 1
    with open(output, "wb") as out:
        out.write(source)
    print(f"axe-core {b'.'.join(match.groups()).decode()} from {wheels[0].rsplit('/', 1)[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

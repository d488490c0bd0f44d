"""Full-page screenshots for a reviewer: one per page type and width, written as PNG files."""
import base64

from .browser import load

MAX_HEIGHT = 16000  # Chromium cannot capture taller than its texture limit


def full_page_png(driver, url: str, width: int, path: str) -> tuple:
    """Saves a screenshot of the whole page at `width` CSS px; returns (width, height) captured."""
    load(driver, url, width)
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    height = min(int(size["height"]) + 1, MAX_HEIGHT)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    return width, height


def png_size(path: str) -> tuple:
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG file")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")

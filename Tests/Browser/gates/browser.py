"""Headless Chromium (Debian's chromium and chromium-driver) driven by selenium."""
import os
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium_driver() -> webdriver.Chrome:
    """A headless Chromium using the Debian binaries (never a downloaded browser or driver)."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=1280,900", "--disable-extensions",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--lang=en-GB"):
        options.add_argument(arg)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width: int, height: int = 900):
    """Makes the page's layout viewport exactly `width` CSS pixels wide (phone-like below 600)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def set_media(driver, media: str):
    """Emulates a CSS media type ("print", or "" for the normal screen)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def load(driver, url: str, width: int = 1280, height: int = 900):
    """Opens `url` at the given viewport width, on screen media (driver.get waits for the load event)."""
    set_viewport(driver, width, height)
    set_media(driver, "")
    driver.get(url)

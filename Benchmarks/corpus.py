#!/usr/bin/env python3
"""Replicates content/schools/* into N publishers, for policy-site and for Hugo.

    corpus.py --copies 200 --out build/bench/corpus-200

writes <out>/content (a policy-site content folder) and <out>/hugo (a Hugo site whose
content/ holds the same Markdown files and a minimal equivalent template).
"""
import argparse
import os
import shutil
import sys

HUGO_CONFIG = """baseURL = "/"
title = "School policies"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""

# A template doing the same page-level work as policy-site's minimum: layout, title, status
# fields, a generated table of contents and the body.
HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "site.css" | relURL }}"></head>
<body><a href="#main">Skip to main content</a><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main id="main">{{ block "main" . }}{{ end }}</main><footer>Accessibility statement</footer></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<dl><dt>Adopted</dt><dd>{{ .Params.adopted }}</dd><dt>Version</dt><dd>{{ .Params.version }}</dd><dt>Review due</dt><dd>{{ .Params.review_due }}</dd></dl>
<nav>{{ .TableOfContents }}</nav>
{{ .Content }}{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", default="content")
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    schools = os.path.join(args.content, "schools")
    publishers = sorted(p for p in os.listdir(schools) if os.path.isdir(os.path.join(schools, p)))
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    ps_content = os.path.join(args.out, "content")
    hugo = os.path.join(args.out, "hugo")
    shutil.copytree(os.path.join(args.content, "data"), os.path.join(ps_content, "data"))
    for d in ("content", "layouts/_default", "static"):
        os.makedirs(os.path.join(hugo, d), exist_ok=True)
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write(HUGO_CONFIG)
    for name, text in (("baseof.html", HUGO_BASEOF), ("single.html", HUGO_SINGLE), ("list.html", HUGO_LIST)):
        with open(os.path.join(hugo, "layouts/_default", name), "w") as f:
            f.write(text)
    shutil.copy("templates/assets/site.css", os.path.join(hugo, "static/site.css"))

    policies = 0
    total = 0
    for i in range(args.copies):
        for publisher in publishers:
            source = os.path.join(schools, publisher)
            slug = f"{publisher}-{i:04d}"
            target = os.path.join(ps_content, "schools", slug)
            hugo_target = os.path.join(hugo, "content", slug)
            os.makedirs(target)
            os.makedirs(hugo_target)
            for name in sorted(os.listdir(source)):
                path = os.path.join(source, name)
                if not os.path.isfile(path):
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                if name == "school.yml":
                    data = data.replace(b"name: ", f"name: {i:04d} ".encode(), 1)
                with open(os.path.join(target, name), "wb") as f:
                    f.write(data)
                if name.endswith(".md"):
                    with open(os.path.join(hugo_target, name), "wb") as f:
                        f.write(data)
                    policies += 1
                    total += len(data)
            with open(os.path.join(hugo_target, "_index.md"), "w") as f:
                f.write(f"---\ntitle: {slug}\n---\n")
    print(f"{policies} policies, {total / 1e6:.1f} MB of Markdown in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

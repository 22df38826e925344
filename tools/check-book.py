#!/usr/bin/env python3
"""check-book: fails on broken includes and broken internal links in the mdBook.

mdbook itself only logs a warning when an `{{#include}}` names a missing file
or anchor, and it does not check links between chapters at all, so a renamed
anchor in the source or a moved chapter would silently break the book. This
checker makes those errors:

- every `{{#include PATH}}`, `{{#include PATH:ANCHOR}}` and
  `{{#include PATH:FROM:TO}}` (and `#rustdoc_include`) names an existing file,
  and an anchor that the file opens with `ANCHOR: name` and closes with
  `ANCHOR_END: name`, or a line range inside the file;
- every relative Markdown link `[text](target)` points at an existing file,
  and a `#fragment` on a Markdown target matches one of its headings;
- every chapter file under src/ is listed in SUMMARY.md, and every file
  SUMMARY.md lists exists.

Usage: tools/check-book.py [BOOK_DIR]   (default: book/). Exit 1 on any error.
"""

import os
import re
import sys

INCLUDE = re.compile(r"\{\{\s*#(include|rustdoc_include)\s+([^}\s]+)\s*\}\}")
LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def slug(text):
    """The id mdbook gives a heading: lower case, punctuation dropped, spaces to dashes."""
    text = re.sub(r"<[^>]*>", "", text)
    text = text.replace("`", "")
    out = []
    for ch in text.strip().lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch.isspace():
            out.append("-")
    return "".join(out)


def headings(path):
    ids = set()
    in_fence = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            m = None if in_fence else HEADING.match(line)
            if m:
                ids.add(slug(m.group(2)))
    return ids


def check_include(md, spec, errors):
    parts = spec.split(":")
    target = os.path.normpath(os.path.join(os.path.dirname(md), parts[0]))
    where = f"{md}: {{{{#include {spec}}}}}"
    if not os.path.isfile(target):
        errors.append(f"{where}: no such file {target}")
        return
    if len(parts) == 1:
        return
    with open(target, encoding="utf-8") as f:
        lines = f.read().splitlines()
    rest = parts[1:]
    if all(p == "" or p.isdigit() for p in rest):
        numbers = [int(p) for p in rest if p]
        if any(n < 1 or n > len(lines) for n in numbers):
            errors.append(f"{where}: line range outside the file's {len(lines)} lines")
        return
    anchor = rest[0]
    start = [i for i, l in enumerate(lines) if re.search(rf"\bANCHOR:\s*{re.escape(anchor)}\b", l)]
    end = [i for i, l in enumerate(lines) if re.search(rf"\bANCHOR_END:\s*{re.escape(anchor)}\b", l)]
    if len(start) != 1 or len(end) != 1:
        errors.append(
            f"{where}: anchor `{anchor}` must open once and close once in {target} "
            f"(found {len(start)} ANCHOR and {len(end)} ANCHOR_END)"
        )
    elif end[0] <= start[0] + 1:
        errors.append(f"{where}: anchor `{anchor}` in {target} is empty or closes before it opens")


def check_link(md, target, errors):
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
        return  # an external URL or mailto:
    path, _, fragment = target.partition("#")
    dest = md if not path else os.path.normpath(os.path.join(os.path.dirname(md), path))
    if not os.path.exists(dest):
        errors.append(f"{md}: link ({target}): no such file {dest}")
        return
    if fragment and dest.endswith(".md") and fragment not in headings(dest):
        errors.append(f"{md}: link ({target}): {dest} has no heading with id `{fragment}`")


def scan(md, errors):
    in_fence = False
    with open(md, encoding="utf-8") as f:
        for line in f:
            for m in INCLUDE.finditer(line):
                check_include(md, m.group(2), errors)
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if not in_fence:
                for m in LINK.finditer(re.sub(r"`[^`]*`", "", line)):
                    check_link(md, m.group(1), errors)


def main():
    book = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "book")
    src = os.path.normpath(os.path.join(book, "src"))
    summary = os.path.join(src, "SUMMARY.md")
    errors = []
    if not os.path.isfile(summary):
        sys.exit(f"check-book: {summary} not found")
    chapters = []
    for root, _, files in os.walk(src):
        chapters += [os.path.join(root, f) for f in files if f.endswith(".md")]
    with open(summary, encoding="utf-8") as f:
        listed = {
            os.path.normpath(os.path.join(src, m.group(1).partition("#")[0]))
            for m in LINK.finditer(f.read())
        }
    for chapter in sorted(chapters):
        scan(chapter, errors)
        if chapter != summary and chapter not in listed:
            errors.append(f"{chapter}: not listed in SUMMARY.md")
    for errs in errors:
        print(f"error: {errs}", file=sys.stderr)
    if errors:
        sys.exit(1)
    print(f"check-book: {len(chapters)} files, includes and internal links all resolve")


if __name__ == "__main__":
    main()

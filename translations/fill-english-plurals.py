#!/usr/bin/env python3
"""Fills in the English forms of numerus messages in waymark_en.ts.

Waymark writes plural-aware strings as tr("Delete %n Touchpoint(s)", "", n). English needs
two forms, "Delete %n Touchpoint" and "Delete %n Touchpoints"; this writes them for every
numerus message still unfinished, from the "(s)" (or "(es)") in the source text. Messages
that are not numerus are left to fall back to the source text.
"""
import re
import sys
import xml.etree.ElementTree as ET


def forms(source):
    singular = re.sub(r"\((e?s)\)", "", source)
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    return singular, plural


def main(path):
    tree = ET.parse(path)
    changed = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished", None):
            continue
        if translation.get("type") is None and len(translation.findall("numerusform")) == 2:
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in forms(source):
            node = ET.SubElement(translation, "numerusform")
            node.text = form
        translation.attrib.pop("type", None)
        changed += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path}: filled {changed} numerus message(s)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "waymark_en.ts")

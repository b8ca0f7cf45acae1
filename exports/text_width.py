"""How wide a text prints in the sheets' font, in the unit of a column's width.

A spreadsheet measures a column in widths of the digit 0 of the workbook's font (Calibri 11).
Its letters are narrower or wider than that: "ill" takes about one 0, "WWW" more than five.
Fitting columns and counting the lines of wrapped text by the number of characters makes
columns too wide for some texts and cuts others off, so a text is measured here by the
widths of its letters: the advance widths of Calibri, which Carlito (the font LibreOffice
uses where Calibri is missing) shares, in 1/2048 of the font's size, for the scripts the
department writes (Latin with its accents, Cyrillic with the Kazakh letters, the dashes and
quotes).
"""

from __future__ import annotations

import re
import unicodedata

# (first code point, the widths of it and of those that follow it)
# fmt: off
_RANGES: tuple[tuple[int, tuple[int, ...]], ...] = (
    (0x0020, (
        463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627,
        517, 791, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548,
        1020, 1020, 1020, 949, 1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516,
        653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822,
        1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981, 1076, 866, 1076, 1019,
        625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801,
        686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
    )),
    (0x00A0, (
        463, 667, 1020, 1038, 1020, 1038, 1020, 1020, 804, 1709, 824, 1049, 1020, 0,
        1038, 807, 694, 1020, 688, 685, 598, 1126, 1200, 517, 629, 504, 865, 1049,
        1303, 1375, 1383, 949, 1185, 1185, 1185, 1185, 1185, 1185, 1563, 1092, 1000, 1000,
        1000, 1000, 516, 516, 516, 516, 1279, 1322, 1356, 1356, 1356, 1356, 1356, 1020,
        1359, 1314, 1314, 1314, 1314, 998, 1058, 1080, 981, 981, 981, 981, 981, 981,
        1583, 866, 1019, 1019, 1019, 1019, 470, 470, 470, 470, 1076, 1076, 1080, 1080,
        1080, 1080, 1080, 1020, 1084, 1076, 1076, 1076, 1076, 927, 1076, 927, 1185, 981,
        1185, 981, 1185, 981, 1092, 866, 1092, 866, 1092, 866, 1092, 866, 1260, 1164,
        1279, 1130, 1000, 1019, 1000, 1019, 1000, 1019, 1000, 1019, 1000, 1019, 1292, 964,
        1292, 964, 1292, 964, 1292, 964, 1276, 1076, 1344, 1091, 516, 470, 516, 470,
        516, 470, 516, 470, 516, 470, 1170, 960, 653, 490, 1064, 931, 931, 861,
        470, 861, 470, 866, 540, 1118, 765, 880, 507, 1322, 1076, 1322, 1076, 1322,
        1076, 1186, 1287, 1076, 1356, 1080, 1356, 1080, 1356, 1080, 1775, 1740, 1112, 714,
        1112, 714, 1112, 714, 941, 801, 941, 801, 941, 801, 941, 801, 998, 686,
        998, 708, 998, 700, 1314, 1076, 1314, 1076, 1314, 1076, 1314, 1076, 1314, 1076,
        1314, 1076, 1822, 1464, 998, 927, 998, 959, 809, 959, 809, 959, 809, 497,
    )),
    (0x0400, (
        1000, 1000, 1279, 880, 1121, 941, 516, 516, 653, 1786, 1795, 1266, 1112, 1314,
        1080, 1269, 1185, 1101, 1114, 880, 1319, 1000, 1640, 970, 1314, 1314, 1112, 1251,
        1751, 1276, 1356, 1273, 1058, 1092, 998, 1080, 1428, 1063, 1308, 1138, 1778, 1822,
        1259, 1560, 1088, 1122, 1800, 1137, 981, 1091, 981, 708, 1143, 1019, 1411, 866,
        1107, 1107, 950, 1045, 1385, 1095, 1080, 1066, 1076, 866, 793, 927, 1278, 887,
        1109, 960, 1492, 1534, 1098, 1364, 962, 907, 1478, 971, 1019, 1019, 1107, 708,
        909, 801, 470, 470, 490, 1538, 1576, 1091, 950, 1107, 927, 1075, 1900, 1386,
        1284, 1063, 1601, 1332, 1291, 1075, 1703, 1455, 1480, 1152, 1855, 1547, 970, 846,
        1536, 1449, 1356, 1073, 1208, 978, 1208, 978, 2140, 1861, 1356, 1180, 1900, 1602,
        1900, 1386, 1092, 866, 1248, 0, 0, 0, 0, 0, 2018, 1944, 1358, 1119,
        1088, 991, 1058, 1076, 886, 725, 870, 761, 1089, 927, 1714, 1472, 970, 866,
        1189, 1012, 1112, 950, 1130, 1003, 1292, 1095, 1316, 1137, 1457, 1240, 1848, 1521,
        1323, 1135, 1092, 866, 998, 793, 998, 925, 998, 925, 1142, 946, 1490, 1221,
        1178, 1002, 1138, 960, 1138, 960, 1526, 1224, 1526, 1224, 516, 1640, 1411, 1119,
        975, 1294, 1057, 1276, 1095, 1276, 1108, 1138, 960, 1799, 1462, 516, 1185, 981,
        1185, 981, 1563, 1583, 1000, 1019, 1317, 1019, 1317, 1019, 1640, 1411, 970, 866,
        970, 956, 1314, 1107, 1314, 1107, 1356, 1080, 1356, 1073, 1356, 1073, 1122, 907,
        1080, 927, 1080, 927, 1080, 927, 1138, 960, 851, 708, 1560, 1364, 870, 761,
        1157, 945, 1063, 887,
    )),
    (0x2010, (
        627, 627, 1038, 1020, 1854, 1854, 809, 1020, 511, 511, 511, 511, 857, 857,
        857, 856, 1020, 1020, 1020, 1020, 517, 1034, 1414,
    )),
)
# fmt: on
ZERO = 1038  # the width of the digit 0, the unit of a column's width
EM = 2048
# A spreadsheet draws text on the screen with its letters fitted to whole pixels, which
# makes a line of letters a little wider, against the digit 0, than the font says.
SLACK = 1.06
BOLD = 1.05  # bold letters are this much wider, about


class _Widths(dict):
    """The width of each character, in digits, slack included; a character the table does
    not hold is measured once, when first met: none for a combining mark or a control
    character, an em for a Chinese or Japanese one, else about a digit."""

    def __missing__(self, character: str) -> float:
        if unicodedata.combining(character) or unicodedata.category(character) in ("Cc", "Cf"):
            width = 0.0
        elif unicodedata.east_asian_width(character) in "WF":
            width = EM * SLACK / ZERO
        else:
            width = SLACK
        self[character] = width
        return width


_WIDTHS = _Widths(
    (chr(start + offset), width * SLACK / ZERO)
    for start, widths in _RANGES
    for offset, width in enumerate(widths)
)
_width_of = _WIDTHS.__getitem__


def text_width(text: str, bold: bool = False) -> float:
    """How wide ``text`` prints on one line, in widths of the digit 0."""
    total = sum(map(_width_of, text))
    return total * BOLD if bold else total


def longest_line(text: str, bold: bool = False) -> float:
    """The width of the widest line of ``text``."""
    if "\n" not in text and "\r" not in text:
        return text_width(text, bold)
    return max((text_width(line, bold) for line in text.splitlines()), default=0.0)


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` digits wide, breaking lines
    as a spreadsheet does: at spaces, after a hyphen inside a word ("научно-" and
    "технический"), and a word longer than a line where the line ends."""
    space = text_width(" ", bold)
    total = 0
    for paragraph in text.splitlines() or [""]:
        if text_width(paragraph, bold) <= width:  # most often: one line
            total += 1
            continue
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            gap = space if used else 0.0
            for part in _HYPHENATED(word) if "-" in word else (word,):
                size = text_width(part, bold)
                if used and used + gap + size > width:
                    lines, used, gap = lines + 1, 0.0, 0.0
                while size > width:  # a long word (a web address) fills lines of its own
                    lines, size = lines + 1, size - width
                used += gap + size
                gap = 0.0
        total += lines
    return total


_HYPHENATED = re.compile(r"[^-]*-+|[^-]+").findall

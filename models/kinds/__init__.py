"""One module per kind of record (its editor, its list, its rules), the registry the kinds
fill as they are imported (``registry``), and every kind in the window's order
(``all_kinds``)."""

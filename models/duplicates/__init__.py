"""Finding duplicates: records of one kind that are likely the same partner, person, event…
entered twice under another spelling, language or script, each pair with a score and the
reasons for it (``finder.find_duplicates``), and the pairs a user marked "not a duplicate"
(``marks``)."""

"""Excel out (list exports and meeting reports) and spreadsheets in (import), as plain
functions over the domain. Nothing here imports Qt."""

"""The words records are made of and shown in: choices, countries, areas, labels, text
folding, numbers and names."""

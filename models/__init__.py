"""The record store of Seriktes: peewee models, opening databases and the domain rules.

Nothing in this package imports Qt; the window, the command line and the tests all call it.
"""

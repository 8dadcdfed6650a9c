"""The rules of the informational-interview method, as plain Python.

Nothing in this package imports Django: the rules are unit-tested without a database and
shared by the web pages, the command line and (later) the calendar feed.
"""

"""Coffeechat: runs the informational-interview practice end to end."""

__version__ = "0.1.0"

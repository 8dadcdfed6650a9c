"""Wording: message templates for each tie and kind of message, and the merge that fills them so
that they read as if a person wrote them (plain Python, no Django)."""

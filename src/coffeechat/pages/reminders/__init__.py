"""Reminders that arrive: the morning digest e-mail, sent once a day."""

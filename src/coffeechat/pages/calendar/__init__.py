"""The user's calendar: a private iCalendar feed and .ics invitations."""

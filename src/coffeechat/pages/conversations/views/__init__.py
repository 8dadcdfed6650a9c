"""Views for steps 4 and 5, one module per page family: schedule, prepare, conduct, bank."""

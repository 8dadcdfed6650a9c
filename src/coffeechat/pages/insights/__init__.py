"""Seeing progress: the funnel, reply rates, weekly goal and referral chains."""

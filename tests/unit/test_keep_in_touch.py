"""Keeping in touch: the first update about 4 weeks after you last spoke, then the contact's
cadence in calendar months, on business days; close the loop 2 business days after acting."""

from datetime import date

import pytest

from coffeechat.method.business_days import public_holidays
from coffeechat.method.keep_in_touch import (
    add_months,
    advice_phrase,
    close_the_loop_due,
    from_next_business_day,
    next_business_day,
    next_keep_in_touch,
)
from coffeechat.method.network_update import (
    Milestone,
    PersonMet,
    draft_update,
    personal_line,
    sentence,
)

GB = public_holidays("GB", "ENG")
FRIDAY = date(2026, 11, 20)


def test_the_first_update_is_due_four_weeks_after_the_conversation():
    assert next_keep_in_touch(FRIDAY, "quarterly", first_update_sent=False) == date(2026, 12, 18)


def test_the_first_update_skips_christmas_and_the_weekend():
    # 28 days after Sunday 29 Nov is Sunday 27 Dec; Mon 28 Dec is the Boxing Day holiday.
    due = next_keep_in_touch(date(2026, 11, 29), "monthly", first_update_sent=False, holidays=GB)
    assert due == date(2026, 12, 29)


@pytest.mark.parametrize(
    ("cadence", "due"),
    [
        ("monthly", date(2027, 2, 10)),
        ("quarterly", date(2027, 4, 12)),  # 10 April 2027 is a Saturday
        ("twice_a_year", date(2027, 7, 12)),  # 10 July 2027 is a Saturday
    ],
)
def test_after_the_first_update_the_cadence_counts_calendar_months(cadence, due):
    assert next_keep_in_touch(date(2027, 1, 10), cadence, first_update_sent=True) == due


def test_never_means_no_update_at_all():
    assert next_keep_in_touch(FRIDAY, "never", first_update_sent=False) is None
    assert next_keep_in_touch(FRIDAY, "never", first_update_sent=True) is None


def test_an_unknown_cadence_is_an_error():
    with pytest.raises(ValueError, match="weekly"):
        next_keep_in_touch(FRIDAY, "weekly", first_update_sent=True)


def test_months_are_clamped_to_the_end_of_shorter_months():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_a_business_day_stays_and_a_weekend_moves_to_monday():
    assert next_business_day(FRIDAY) == FRIDAY
    assert next_business_day(date(2026, 11, 21)) == date(2026, 11, 23)
    assert next_business_day(date(2026, 12, 25), GB) == date(2026, 12, 29)


def test_an_update_planned_late_is_due_from_the_next_business_day_at_the_earliest():
    long_ago = date(2026, 4, 17)
    assert from_next_business_day(long_ago, FRIDAY) == date(2026, 11, 23)  # Monday
    assert from_next_business_day(FRIDAY, FRIDAY) == date(2026, 11, 23)  # today is too soon
    # On Christmas Eve in England: not Christmas, the weekend or Boxing Day (Monday 28th).
    assert from_next_business_day(long_ago, date(2026, 12, 24), GB) == date(2026, 12, 29)
    later = date(2026, 12, 18)
    assert from_next_business_day(later, FRIDAY) == later  # not due yet: left as it is


def test_close_the_loop_is_due_two_business_days_after_acting():
    assert close_the_loop_due(FRIDAY) == date(2026, 11, 24)


def test_advice_reads_after_your_advice_to():
    assert advice_phrase("Learn the green bond principles.") == "learn the green bond principles"
    assert advice_phrase("CFA level one first") == "CFA level one first"
    assert advice_phrase("  ") == ""


def test_the_detail_line_becomes_a_sentence():
    assert sentence("i start at Acme on 3 March") == "I start at Acme on 3 March."
    assert sentence("Done!") == "Done!"
    assert sentence("") == ""


def test_the_update_mentions_their_advice_when_known():
    priya = PersonMet("Priya", "Green Bank", "March", "Learn the green bond principles")
    subject, body = draft_update(
        priya, milestone=Milestone.NEW_JOB, detail="I start at Acme on 3 March", my_name="Maya"
    )
    assert subject == "Some news: I have a new job"
    assert body.startswith("Dear Priya,\n\nI wanted to share some good news with you")
    assert "I start at Acme on 3 March." in body
    assert "Your advice when we spoke in March, to learn the green bond principles" in body
    assert body.endswith("Best wishes,\nMaya")
    assert len(body.split()) < 100


def test_without_advice_the_update_mentions_what_you_talked_about():
    assert personal_line(PersonMet("Sam", "Carbon Partners")) == (
        "Our conversation about your work at Carbon Partners helped me get here."
    )
    assert personal_line(PersonMet("Kim")) == "Our conversation helped me get here."


def test_every_milestone_has_a_label_and_a_subject():
    for milestone in Milestone:
        subject, body = draft_update(
            PersonMet("Kim"), milestone=milestone, detail="", my_name="Maya"
        )
        assert milestone.label and subject and "Kim" in body

from datetime import date

from coffeechat.method.charts import column_chart, hbar_chart, short
from coffeechat.method.insights import (
    FUNNEL_LABELS,
    AskingMessage,
    ContactFacts,
    Person,
    answered,
    days_text,
    days_to_reply,
    funnel,
    median,
    per_conversation,
    percent,
    referral_chains,
    reply_rates,
    tally,
    week_start,
    weekly_counts,
)
from coffeechat.method.stages import Stage


def counts(*facts: ContactFacts) -> list[int]:
    return [step.count for step in funnel(facts)]


def test_every_stage_has_a_place_in_the_funnel():
    for stage in Stage:
        assert len(counts(ContactFacts(stage))) == len(FUNNEL_LABELS)


def test_each_contact_counts_at_every_step_up_to_the_furthest_they_reached():
    assert counts(
        ContactFacts(Stage.IDENTIFIED),
        ContactFacts(Stage.CONTACTED),
        ContactFacts(Stage.NO_RESPONSE),
        ContactFacts(Stage.DECLINED),
        ContactFacts(Stage.SCHEDULED),
        ContactFacts(Stage.MET, referrals_given=2),
        ContactFacts(Stage.THANKED),
        ContactFacts(Stage.KEEPING_IN_TOUCH, referrals_given=1),
    ) == [8, 7, 5, 3, 2, 2]


def test_someone_you_met_can_refer_you_onwards_before_your_thank_you():
    assert counts(ContactFacts(Stage.MET, referrals_given=1)) == [1, 1, 1, 1, 0, 1]


def test_a_referral_counts_onwards_only_from_someone_you_met():
    assert counts(ContactFacts(Stage.SCHEDULED, referrals_given=3)) == [1, 1, 1, 0, 0, 0]


def test_the_funnel_gives_shares_of_all_contacts_and_of_the_step_before():
    steps = funnel(
        [ContactFacts(Stage.IDENTIFIED)] * 2
        + [ContactFacts(Stage.CONTACTED)]
        + [ContactFacts(Stage.THANKED)]
    )
    assert [(s.of_identified, s.base, s.of_base) for s in steps] == [
        (100, "", None),
        (50, "Identified", 50),
        (25, "Contacted", 50),
        (25, "Replied", 100),
        (25, "Met", 100),
        (0, "Met", 0),
    ]


def test_an_empty_funnel_has_no_shares():
    assert [(s.count, s.of_identified) for s in funnel([])] == [(0, None)] * 6


def test_percent_rounds_like_the_templates_page():
    assert percent(2, 3) == 67
    assert percent(1, 3) == 33
    assert percent(0, 0) is None


def asked(
    contact_id: int, day: int, template: str = "", channel: str = "Email", *, follow_up=False
) -> AskingMessage:
    return AskingMessage(
        contact_id, date(2026, 3, day), template, channel, is_request=not follow_up
    )


REQUESTS = [
    asked(1, 2, "Alumni"),
    asked(1, 9, "Alumni"),  # a second request, same contact
    asked(2, 3, "Alumni", "LinkedIn"),
    asked(3, 4),
    asked(4, 5, "Cold"),
]
REPLIES = {1: [date(2026, 3, 6)], 2: [date(2026, 3, 3)], 4: [date(2026, 3, 1)]}


def test_a_request_is_replied_by_an_answer_that_day_or_later():
    requests = [asked(1, 3)]
    assert answered(requests, {1: [date(2026, 3, 3)]}) == [True]
    assert answered(requests, {1: [date(2026, 3, 1)]}) == [False]


def test_one_reply_answers_only_the_last_request_sent_before_it():
    requests = [
        asked(1, 2, "Cold"),
        asked(1, 3, "Alumni", "LinkedIn"),  # written again the next day
        asked(1, 9, "Alumni"),  # after the reply
    ]
    replies = {1: [date(2026, 3, 6)]}
    assert answered(requests, replies) == [False, True, False]
    by_template = reply_rates(requests, replies, lambda r: r.template)
    assert [(r.label, r.sent, r.replied) for r in by_template] == [("Alumni", 2, 1), ("Cold", 1, 0)]


def test_a_follow_up_that_got_the_answer_takes_the_credit_from_the_request():
    messages = [
        asked(1, 2, "Cold"),
        asked(1, 5, "Nudge", follow_up=True),
        asked(2, 2, "Cold"),
        asked(2, 5, "Nudge", follow_up=True),  # sent after the reply: not its doing
    ]
    replies = {1: [date(2026, 3, 6)], 2: [date(2026, 3, 4)]}
    assert answered(messages, replies) == [False, True, True, False]
    assert tally(messages, replies, lambda m: m.template) == {"Cold": (2, 1), "Nudge": (2, 1)}


def test_two_replies_to_one_message_count_it_once():
    messages = [asked(1, 2, "Cold")]
    replies = {1: [date(2026, 3, 3), date(2026, 3, 4)]}
    assert tally(messages, replies, lambda m: m.template) == {"Cold": (1, 1)}


def test_reply_rates_group_requests_by_template_and_by_channel():
    by_template = reply_rates(REQUESTS, REPLIES, lambda r: r.template or "No template")
    assert [(r.label, r.sent, r.replied, r.percent) for r in by_template] == [
        ("Alumni", 3, 2, 67),
        ("Cold", 1, 0, 0),
        ("No template", 1, 0, 0),
    ]
    by_channel = reply_rates(REQUESTS, REPLIES, lambda r: r.channel)
    assert [(r.label, r.sent, r.replied, r.percent) for r in by_channel] == [
        ("Email", 4, 1, 25),
        ("LinkedIn", 1, 1, 100),
    ]


def test_days_to_reply_run_from_the_first_request_to_the_first_reply_after_it():
    assert days_to_reply(REQUESTS, REPLIES) == [0, 4]
    replies = {1: [date(2026, 3, 1), date(2026, 3, 12), date(2026, 3, 5)]}
    assert days_to_reply(REQUESTS, replies) == [3]


def test_days_to_reply_run_from_the_request_not_the_follow_up_that_was_answered():
    messages = [asked(1, 2), asked(1, 5, follow_up=True), asked(2, 5, follow_up=True)]
    assert days_to_reply(messages, {1: [date(2026, 3, 6)], 2: [date(2026, 3, 6)]}) == [4]


def test_the_median_of_an_even_count_falls_between_two_days():
    assert median([0, 4]) == 2
    assert median([1, 2, 3, 10]) == 2.5
    assert median([]) is None
    assert days_text(2.5) == "2.5 days"
    assert days_text(2.0) == "2 days"
    assert days_text(1) == "1 day"
    assert days_text(0) == "0 days"


def test_weeks_start_on_monday():
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)  # a Sunday
    assert week_start(date(2026, 3, 9)) == date(2026, 3, 9)


def test_weekly_counts_cover_twelve_weeks_ending_with_this_one():
    today = date(2026, 3, 11)  # a Wednesday
    held = [
        date(2026, 3, 9),
        date(2026, 3, 15),  # Sunday: still this week
        date(2026, 3, 16),  # next week: not shown
        date(2026, 3, 8),  # last week
        date(2025, 12, 22),  # the oldest week shown
        date(2025, 12, 21),  # before it
    ]
    weeks = weekly_counts(held, today)
    assert len(weeks) == 12
    assert weeks[0].starts == date(2025, 12, 22)
    assert weeks[-1].starts == date(2026, 3, 9)
    assert weeks[-1].ends == date(2026, 3, 15)
    assert [w.count for w in weeks] == [1] + [0] * 9 + [1, 2]


def test_referrals_per_conversation_has_one_decimal():
    assert per_conversation(3, 2) == 1.5
    assert per_conversation(1, 3) == 0.3
    assert per_conversation(0, 0) is None


def test_chains_end_at_people_at_target_organizations():
    people = [
        Person(1, "Ana Lopez"),
        Person(2, "Ben Okafor", "Northwind", led_by=1, at_target=True),
        Person(3, "Chloe Park", "Greenbank", led_by=2, at_target=True),
        Person(4, "Dev Rao", "Acme", at_target=True),  # nobody led to Dev: no chain
        Person(5, "Eli Stone", led_by=1),  # no organization: not a target
        # A known employer that came with an import is no target until the user makes it one.
        Person(6, "Fay Imported", "Known Employer Ltd", led_by=1),
    ]
    chains = referral_chains(people)
    assert [[p.name for p in chain] for chain in chains] == [
        ["Ana Lopez", "Ben Okafor", "Chloe Park"],
        ["Ana Lopez", "Ben Okafor"],
    ]


def test_a_loop_of_introductions_stops_where_it_closes():
    people = [
        Person(1, "Ana", "X", led_by=2, at_target=True),
        Person(2, "Ben", "Y", led_by=1, at_target=True),
    ]
    assert [[p.name for p in chain] for chain in referral_chains(people)] == [
        ["Ben", "Ana"],
        ["Ana", "Ben"],
    ]


def test_horizontal_bars_scale_to_the_maximum():
    chart = hbar_chart([("Sent", 4, "4"), ("Replied", 1, "1"), ("None", 0, "0")])
    widths = [bar.width for bar in chart.bars]
    assert widths == [240.0, 60.0, 0.0]
    assert chart.height == 3 * 34
    assert chart.bars[1].figure_x == 140 + 60 + 6
    half = hbar_chart([("Email", 50, "50%")], maximum=100)
    assert half.bars[0].width == 120.0


def test_long_labels_are_shortened_in_the_drawing():
    assert short("A very long template name") == "A very long temp…"
    assert short("Alumni") == "Alumni"


def test_columns_fit_the_goal_when_it_is_above_every_week():
    chart = column_chart([("a", 1), ("b", 0), ("c", 2)], goal=4)
    assert chart.scale == 4
    assert chart.goal_y == 40
    assert [c.height for c in chart.columns] == [45.0, 0.0, 90.0]
    assert [c.y for c in chart.columns] == [175.0, 220.0, 130.0]
    assert [c.show_label for c in chart.columns] == [True, False, True]


def test_columns_fit_a_week_above_the_goal():
    chart = column_chart([("a", 6), ("b", 3)], goal=2)
    assert chart.scale == 6
    assert chart.columns[0].height == 180.0
    assert chart.goal_y == 160.0


def test_a_zero_goal_and_no_conversations_still_draw():
    chart = column_chart([("a", 0)], goal=0)
    assert chart.scale == 1
    assert chart.goal_y == 220

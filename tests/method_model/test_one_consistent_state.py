"""One consistent state: every place that shows open items shows the same ones at one moment.

For a few realistic accounts, Today (the page), `coffeechat today --json`, the Follow-ups page,
each contact's page, the morning digest and the calendar feed are read at the same frozen
moment, as (who, kind, due day). Each shows its own window (the digest what is due by today,
Today a week ahead, the others everything), so they are compared on the windows they share.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from coffeechat.pipeline.outreach.models import Purpose
from method_model import actions
from method_model.surfaces import Entry, Reader


def _at(moment: datetime):
    return time_machine.travel(moment, tick=False)


def _profile(user: object, tz: str, country: str, region: str = "") -> None:
    profile = user.profile
    profile.time_zone, profile.country, profile.region = tz, country, region
    profile.save()


def _meet(contact, when: datetime, *, hours_later: int = 1):
    """Schedule a talk with the contact `when` (UTC), then hold it an hour later."""
    with _at(when - timedelta(days=3)):
        tz = contact.owner.profile.tz()
        local = when.astimezone(tz)
        conversation = actions.schedule(contact, days_ahead=3, hour=local.hour)
    with _at(when + timedelta(hours=hours_later)):
        actions.start(conversation)
        actions.end(conversation)
    return conversation


def london_account(user: object) -> datetime:
    """Alice in London: a request going unanswered at Acme, a talk held yesterday with a
    referral and advice acted on, a talk next week, and someone met in October."""
    _profile(user, "Europe/London", "GB", "ENG")
    now = datetime(2026, 12, 10, 8, 30, tzinfo=UTC)  # a Thursday morning
    acme = actions.add_organization(user, "Acme", motivation=3, posting=3)
    green = actions.add_organization(user, "Green", motivation=2, posting=2)
    sam = actions.add_contact(user, "Sam", "Lee", organization=acme, how_known="alumni")
    actions.add_contact(user, "Jo", "Park", organization=acme, how_known="friend")
    lee = actions.add_contact(user, "Lee", "Wong", organization=green, how_known="friend")
    ana = actions.add_contact(user, "Ana", "Ruiz", how_known="former_colleague")
    tom = actions.add_contact(user, "Tom", "Berg", organization=green, how_known="linkedin")
    with _at(now - timedelta(days=11)):
        actions.send(sam, Purpose.REQUEST)
    with _at(now - timedelta(days=60)):
        actions.send(ana, Purpose.REQUEST)
    _meet(ana, datetime(2026, 10, 14, 10, 0, tzinfo=UTC))
    with _at(datetime(2026, 10, 15, 9, 0, tzinfo=UTC)):
        actions.thank(ana.conversations.get())
    with _at(now - timedelta(days=5)):
        actions.send(lee, Purpose.REQUEST)
    held = _meet(lee, now - timedelta(hours=22))
    with _at(now - timedelta(hours=20)):
        actions.capture_referral(held, "Mei", "Chan", "Blue")
        advice = actions.capture_advice(held, "Join the climate finance meetup.")
        actions.act_on_advice(advice, True)
    with _at(now - timedelta(days=1)):
        actions.send(tom, Purpose.REQUEST)
        actions.log_reply(tom, "agreed")
        actions.schedule(tom, days_ahead=6, hour=15)
    return now


def tokyo_account(user: object) -> datetime:
    """Ken in Tokyo, read late in his evening, when UTC is still on the day before: Japanese
    holidays, an introduction asked for, a decline, a thank-you owed and an answer to give."""
    _profile(user, "Asia/Tokyo", "JP")
    now = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)  # 23:30 on Tuesday in Tokyo
    sora = actions.add_organization(user, "Sora", motivation=3, posting=2)
    yui = actions.add_contact(user, "Yui", "Sato", organization=sora, how_known="alumni")
    ren = actions.add_contact(user, "Ren", "Kato", organization=sora, how_known="linkedin")
    aoi = actions.add_contact(user, "Aoi", "Mori", how_known="friend")
    kai = actions.add_contact(user, "Kai", "Ito", how_known="cold")
    with _at(now - timedelta(days=12)):
        actions.send(yui, Purpose.REQUEST)
        actions.ask_introduction(aoi, ren)
    with _at(now - timedelta(days=8)):
        actions.send(kai, Purpose.REQUEST)
    with _at(now - timedelta(days=2)):
        actions.log_reply(kai, "declined")
    with _at(now - timedelta(days=6)):
        actions.send(aoi, Purpose.REQUEST)
    _meet(aoi, now - timedelta(hours=5))
    rin = actions.add_contact(user, "Rin", "Abe", how_known="alumni")
    with _at(now - timedelta(days=3)):
        actions.send(rin, Purpose.REQUEST)
    with _at(now - timedelta(days=1)):
        actions.log_reply(rin, "replied")  # "Answer Rin Abe": not decided yet
    return now


def los_angeles_account(user: object) -> datetime:
    """Lin in Los Angeles, read at 23:45 her time (already tomorrow in UTC), with a nudge
    owed today and a keep-in-touch that falls around Thanksgiving."""
    _profile(user, "America/Los_Angeles", "US", "CA")
    now = datetime(2026, 11, 25, 7, 45, tzinfo=UTC)  # Tuesday 23:45 in Los Angeles
    bay = actions.add_organization(user, "Bay", motivation=2, posting=3)
    max_ = actions.add_contact(user, "Max", "Hill", organization=bay, how_known="alumni")
    eva = actions.add_contact(user, "Eva", "Lund", how_known="friend")
    with _at(now - timedelta(days=9)):
        actions.send(max_, Purpose.REQUEST)
    _meet(eva, datetime(2026, 10, 27, 18, 0, tzinfo=UTC))
    with _at(datetime(2026, 10, 28, 16, 0, tzinfo=UTC)):
        actions.thank(eva.conversations.get())
    return now


def _follow_ups(entries: set[Entry], until: date | None) -> set[Entry]:
    return {
        (who, kind, due)
        for who, kind, due in entries
        if kind != "conversation" and (until is None or due is None or due <= until)
    }


def _talks(entries: set[Entry], until: date) -> set[Entry]:
    return {e for e in entries if e[1] == "conversation" and e[2] <= until}


def _agree(window: str, shown: dict[str, set[Entry]]) -> None:
    union = set().union(*shown.values())
    missing = {
        name: sorted(union - entries, key=str) for name, entries in shown.items() if union - entries
    }
    assert not missing, f"{window}: not everywhere, missing from {missing}"


@pytest.mark.parametrize("account", [london_account, tokyo_account, los_angeles_account])
def test_every_place_shows_the_same_open_items_at_the_same_moment(alice, account):
    now = account(alice)
    with _at(now):
        read = Reader(alice)
        shown = {
            "Today": read.today_page(),
            "today --json": read.today_json(),
            "Follow-ups": read.followups_page(),
            "contact pages": read.contact_pages(),
            "digest": read.digest(),
            "calendar": read.calendar(),
        }
    today, week = read.today, read.horizon()
    assert _follow_ups(shown["Today"], week), "the account has open items to compare"
    _agree("Due by today", {name: _follow_ups(e, today) for name, e in shown.items()})
    week_ahead = ("Today", "today --json", "Follow-ups", "contact pages", "calendar")
    _agree("Due within a week", {name: _follow_ups(shown[name], week) for name in week_ahead})
    everything = ("Follow-ups", "contact pages", "calendar")
    _agree("Everything open", {name: _follow_ups(shown[name], None) for name in everything})
    talks = {name: _talks(shown[name], week) for name in ("Today", "today --json", "calendar")}
    _agree("Conversations within a week", talks)
    _agree(
        "Conversations today",
        {"Today": _talks(shown["Today"], today), "digest": _talks(shown["digest"], today)},
    )

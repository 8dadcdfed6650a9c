"""The merge fields for one message: who it is to, how the user knows them, and the user's own
profile, as plain values (services read them from the database)."""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.method.names import PersonName, split_full_name
from coffeechat.method.wording.choice import connection_text
from coffeechat.method.wording.kinds import KNOWN_PERSONALLY, Situation, Tie
from coffeechat.method.wording.merge import merge


@dataclass(frozen=True)
class Me:
    """The user, as their profile says."""

    name: str
    headline: str = ""
    school: str = ""
    pitch: str = ""
    field: str = ""  # the field they explore (else the person's organization's)

    @property
    def first_name(self) -> str:
        """What a friend calls the user, to sign off a warm note ("Maya" of "Maya Okafor")."""
        return split_full_name(self.name)[0]


def personal_fields(
    name: PersonName,
    tie: Tie,
    me: Me,
    *,
    organization: str = "",
    role: str = "",
    introducer: PersonName | None = None,
    situation: Situation | None = None,
) -> dict[str, str]:
    """Every field about the person and the user. Without permission to use their name, the
    person who suggested writing is not named to them; a message that goes through that
    person (asking them for an introduction, the blurb they forward) is theirs to pass on."""
    named = tie != Tie.REFERRAL_UNNAMED or (situation is not None and situation.goes_to_introducer)
    warm = tie in KNOWN_PERSONALLY
    fields = {
        "greeting": name.salutation(tie),
        "hello": f"Hi {name.called}" if warm else f"Hello {name.formal_address}",
        "first_name": name.given,
        "called": name.called,
        "last_name": name.family,
        "full_name": name.shown,
        "organization": organization,
        "role": role,
        "referrer_name": introducer.shown if introducer and named else "",
        "referrer_first_name": introducer.given if introducer and named else "",
        "referrer_called": introducer.called if introducer else "",
        "my_name": me.name,
        "my_first_name": me.first_name,
        # The thank-you and updates go to any tie: signed as the person knows the user.
        "my_sign_off_name": me.first_name if warm else me.name,
        "my_headline": me.headline,
        "school": me.school,
        "pitch": me.pitch.strip(),
        "field": me.field,
    }
    fields["connection_line"] = merge(connection_text(tie), fields)
    return fields

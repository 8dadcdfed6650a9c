"""The export format: which models go into a user's export, under which keys, and how each field's
value is written to and read from JSON. docs/export-format.md describes the result.

Records are exported field by field from the models themselves, so a field added to a model
appears in the export (and is read back by restore) without anyone remembering to add it; the
tests fail until docs/export-format.md describes it and the rich test data set fills it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any

from django.db import models

from coffeechat.foundation.accounts.models import Profile, User
from coffeechat.network.duplicates.models import NotDuplicate
from coffeechat.network.people.models import Contact, OtherAddress, Source
from coffeechat.network.research.models import DifferentOrganizations, Field, Organization
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Question,
    Referral,
    Takeaway,
)
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import (
    Draft,
    EmailSettings,
    Message,
    MessageTemplate,
    Reply,
    ScheduledMessage,
)

FORMAT = "coffeechat-export"
VERSION = 1


class InvalidValue(ValueError):
    """A value in the document that the field cannot take; the message says what was expected."""


class UnsupportedField(TypeError):
    """A model field of a kind the export does not know how to write (add it here)."""


@dataclass(frozen=True)
class Section:
    """One list of the export: every row of `model` that belongs to the user."""

    key: str
    model: type[models.Model]
    # The lookup from the model to its owner, for rows owned through a parent.
    owner: str = "owner"
    # Concrete fields left out besides the primary key and the owner, each with its reason.
    omit: dict[str, str] = field(default_factory=dict)
    # Rows the account starts with (the seeded question bank): replaced by the file's on restore.
    seeded: dict[str, Any] = field(default_factory=dict)
    # What a key missing from a record (a file from before the field existed) stands for,
    # where the model's default would say something untrue.
    when_missing: dict[str, Any] = field(default_factory=dict)
    noun: tuple[str, str] | None = None

    @cached_property
    def fields(self) -> tuple[models.Field[Any, Any], ...]:
        """The model's concrete fields that make up a record, in the model's order."""
        return tuple(
            model_field
            for model_field in self.model._meta.concrete_fields
            if not model_field.primary_key
            and model_field.name != self.owner
            and model_field.name not in self.omit
        )

    def rows(self, user: User) -> models.QuerySet[Any]:
        return self.model._default_manager.filter(**{self.owner: user})

    def label(self, count: int) -> str:
        singular, plural = self.noun or (
            str(self.model._meta.verbose_name),
            str(self.model._meta.verbose_name_plural),
        )
        return f"{count} {singular if count == 1 else plural}"


SECTIONS: tuple[Section, ...] = (
    Section("fields", Field, noun=("field of interest", "fields of interest")),
    Section("organizations", Organization),
    Section(
        "different_organizations",
        DifferentOrganizations,
        noun=("pair marked as different organizations", "pairs marked as different organizations"),
    ),
    Section("contacts", Contact, when_missing={"source": Source.RESTORE.value}),
    Section("other_addresses", OtherAddress),
    Section(
        "not_duplicates",
        NotDuplicate,
        noun=("pair marked as different people", "pairs marked as different people"),
    ),
    Section("questions", Question, seeded={"built_in": True}, noun=("question", "questions")),
    Section(
        "message_templates",
        MessageTemplate,
        seeded={"built_in": True},
        noun=("message template", "message templates"),
    ),
    Section("conversations", Conversation),
    Section("conversation_questions", ConversationQuestion, owner="conversation__owner"),
    Section("takeaways", Takeaway, owner="conversation__owner"),
    Section("referrals", Referral, owner="conversation__owner"),
    Section("messages", Message),
    Section("drafts", Draft, noun=("unsent draft", "unsent drafts")),
    Section(
        "scheduled_messages",
        ScheduledMessage,
        omit={
            "claimed_at": "which run was sending it: state of one server, not a record",
            "message": "the message it became once sent, which is in messages",
        },
        noun=("scheduled message", "scheduled messages"),
    ),
    Section("replies", Reply),
    Section("followups", FollowUp, noun=("follow-up", "follow-ups")),
)
PROFILE = Section("profile", Profile, owner="user")
EMAIL_SETTINGS = Section(
    "email_settings",
    EmailSettings,
    owner="user",
    omit={"password_encrypted": "a secret: never exported; enter the password again"},
)
# The account itself is not data to move: these stay with the account restored into.
USER_FIELDS = ("username", "email", "first_name", "last_name")
USER_OMIT = {
    "password": "a secret",
    "last_login": "about the account, not your records",
    "is_superuser": "a permission of the account",
    "is_staff": "a permission of the account",
    "is_active": "about the account, not your records",
    "date_joined": "about the account, not your records",
}
USER_MODEL = User


def section_for(model: type[models.Model]) -> Section | None:
    return next((section for section in SECTIONS if section.model is model), None)


# Writing values -----------------------------------------------------------------------------


def _timestamp(value: datetime | None) -> str | None:
    # Always UTC, always with microseconds: the text is the same for the same moment.
    return None if value is None else value.astimezone(UTC).isoformat(timespec="microseconds")


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _same(value: Any) -> Any:
    return value


def _read_words(value: Any) -> list[str]:
    """A list of short words: the only JSON a record holds (a conversation's ticked agenda)."""
    if not isinstance(value, list) or not all(
        isinstance(word, str) and len(word) <= 100 for word in value
    ):
        raise InvalidValue(
            f'expected a list of words, like ["thank", "background"], got {value!r:.60}'
        )
    return value


PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.JSONField,
)


def dumper(model_field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """How one field's database value is written to JSON (references are handled apart)."""
    if isinstance(model_field, models.DateTimeField):
        return _timestamp
    if isinstance(model_field, models.DateField):
        return _day
    if isinstance(model_field, PLAIN) and not model_field.is_relation:
        return _same
    raise UnsupportedField(
        f"{model_field.model.__name__}.{model_field.name} is a {type(model_field).__name__}, "
        "which coffeechat.edges.records.spec cannot export yet"
    )


def reference_section(model_field: models.Field[Any, Any]) -> Section:
    """The section a foreign key points into (its value is that section's export id)."""
    related = model_field.related_model  # a model class once models are loaded
    target = section_for(related) if isinstance(related, type) else None
    if target is None:
        raise UnsupportedField(
            f"{model_field.model.__name__}.{model_field.name} points to "
            f"{getattr(related, '__name__', related)}, which is not exported"
        )
    return target


# Reading values -----------------------------------------------------------------------------


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _read_timestamp(value: Any) -> datetime:
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                return moment
    raise InvalidValue(f"expected a date and time with an offset, got {value!r}")


def _read_day(value: Any) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue(f"expected a date (YYYY-MM-DD), got {value!r}")


def _read_text(model_field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    limit = getattr(model_field, "max_length", None)

    def read(value: Any) -> str:
        if not isinstance(value, str):
            raise InvalidValue(f"expected text, got {_kind(value)}")
        if limit and len(value) > limit:
            raise InvalidValue(f"longer than {limit} characters")
        return value

    return read


POSITIVE = (
    models.PositiveBigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
)


def _read_integer(model_field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    minimum = 0 if isinstance(model_field, POSITIVE) else None

    def read(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidValue(f"expected a whole number, got {_kind(value)}")
        if minimum is not None and value < minimum:
            raise InvalidValue(f"expected a number of at least {minimum}, got {value}")
        return value

    return read


def _read_boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue(f"expected true or false, got {_kind(value)}")
    return value


def _with_choices(
    model_field: models.Field[Any, Any], read: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    if not model_field.choices:
        return read
    allowed = {choice for choice, _label in model_field.flatchoices}

    def read_choice(value: Any) -> Any:
        value = read(value)
        if value not in allowed:
            choices = ", ".join(repr(choice) for choice in sorted(allowed, key=str))
            raise InvalidValue(f"{value!r} is not one of {choices}")
        return value

    return read_choice


def loader(model_field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """How one field's JSON value is checked and turned back into a Python value."""
    read: Callable[[Any], Any]
    if isinstance(model_field, models.DateTimeField):
        read = _read_timestamp
    elif isinstance(model_field, models.DateField):
        read = _read_day
    elif isinstance(model_field, models.JSONField):
        read = _read_words
    elif isinstance(model_field, models.BooleanField):
        read = _read_boolean
    elif isinstance(model_field, models.IntegerField):
        read = _read_integer(model_field)
    elif isinstance(model_field, models.CharField | models.TextField):
        read = _read_text(model_field)
    else:
        raise UnsupportedField(f"cannot read {model_field.model.__name__}.{model_field.name}")
    read = _with_choices(model_field, read)
    if not model_field.null:
        return read

    def read_or_null(value: Any) -> Any:
        return None if value is None else read(value)

    return read_or_null


def missing_value(section: Section, model_field: models.Field[Any, Any]) -> Any:
    """What a key left out of a record stands for (an export from before the field existed)."""
    if model_field.name in section.when_missing:
        return section.when_missing[model_field.name]
    if model_field.has_default():
        return model_field.get_default()
    if model_field.null:
        return None
    if model_field.blank and isinstance(model_field, models.CharField | models.TextField):
        return ""
    raise InvalidValue("is missing")

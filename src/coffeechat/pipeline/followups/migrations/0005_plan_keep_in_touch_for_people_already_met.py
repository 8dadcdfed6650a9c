"""Plan the next update for everyone met before keeping in touch existed.

Until now a keep-in-touch follow-up was planned only when something new happened (a conversation
held, a message, a reply). This plans one, by the same rules, for each contact with a held
conversation and no open keep-in-touch. It works on the historical models, with its own frozen
copy of the facts replan reads; the dates come from the method's Django-free rules.

Someone met months ago would be owed an update long overdue; a whole network of them at once
would flood Today and the digest. So none is due before the next business day after the
migration runs: from then on they are owed like any other.
"""

import zoneinfo

from django.db import migrations
from django.db.models import Max, Q
from django.utils import timezone

# The same words as coffeechat.pipeline.followups.keep_in_touch, so later replanning knows them as its own.
FIRST_UPDATE_NOTE = (
    "About 4 weeks since you were last in touch: tell them what you did with their "
    "advice and how your search is going."
)
CADENCE_NOTE = "{cadence} update: a few lines on how your search is going."
CADENCE_LABELS = {"monthly": "Monthly", "quarterly": "Quarterly", "twice_a_year": "Twice a year"}


def _calendar_of(profile):
    """The owner's time zone and public holidays, as the profile gives them (UTC and none when
    the profile is missing or unreadable)."""
    from coffeechat.method.business_days import UnknownRegion, public_holidays

    if profile is None:
        return zoneinfo.ZoneInfo("UTC"), frozenset()
    try:
        zone = zoneinfo.ZoneInfo(profile.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    try:
        holidays = public_holidays(profile.country, profile.region)
    except UnknownRegion:
        holidays = frozenset()
    return zone, holidays


def _local(moment, zone):
    return timezone.localdate(moment, timezone=zone) if moment else None


def plan_missing_keep_in_touch(apps, schema_editor=None):
    """Create the missing keep-in-touch follow-ups; returns how many."""
    from coffeechat.method.keep_in_touch import from_next_business_day, next_keep_in_touch

    Contact = apps.get_model("people", "Contact")
    Conversation = apps.get_model("conversations", "Conversation")
    FollowUp = apps.get_model("followups", "FollowUp")
    Message = apps.get_model("outreach", "Message")
    Reply = apps.get_model("outreach", "Reply")
    Profile = apps.get_model("accounts", "Profile")

    already = FollowUp.objects.filter(kind="keep_in_touch", done_at__isnull=True)
    met = Conversation.objects.filter(status="held").values("contact_id")
    contacts = (
        Contact.objects.filter(pk__in=met)
        .exclude(keep_in_touch="never")
        .exclude(pk__in=already.values("contact_id"))
        .order_by("pk")
    )
    calendars = {}
    planned = []
    for contact in contacts:
        if contact.owner_id not in calendars:
            profile = Profile.objects.filter(user_id=contact.owner_id).first()
            calendars[contact.owner_id] = _calendar_of(profile)
        zone, holidays = calendars[contact.owner_id]
        last_met = (
            Conversation.objects.filter(contact=contact, status="held")
            .order_by("-scheduled_at", "-id")
            .first()
        )
        messages = Message.objects.filter(contact=contact).aggregate(
            last=Max("sent_at"), update=Max("sent_at", filter=Q(purpose="update"))
        )
        last_reply_on = Reply.objects.filter(contact=contact).aggregate(last=Max("received_on"))
        kept_at = FollowUp.objects.filter(
            contact=contact, kind="keep_in_touch", done_at__isnull=False
        ).aggregate(last=Max("done_at"))["last"]
        days = [
            _local(last_met.scheduled_at, zone),
            _local(messages["last"], zone),
            last_reply_on["last"],
            _local(kept_at, zone),
        ]
        updates = [moment for moment in (messages["update"], kept_at) if moment]
        first_update_sent = any(moment >= last_met.scheduled_at for moment in updates)
        cadence = contact.keep_in_touch if contact.keep_in_touch in CADENCE_LABELS else "quarterly"
        due = next_keep_in_touch(
            max(day for day in days if day),
            cadence,
            first_update_sent=first_update_sent,
            holidays=holidays,
        )
        due = from_next_business_day(due, timezone.localdate(timezone=zone), holidays)
        note = (
            CADENCE_NOTE.format(cadence=CADENCE_LABELS[cadence])
            if first_update_sent
            else FIRST_UPDATE_NOTE
        )
        planned.append(
            FollowUp(
                owner_id=contact.owner_id,
                contact=contact,
                kind="keep_in_touch",
                due_on=due,
                conversation=last_met,
                note=note,
            )
        )
    FollowUp.objects.bulk_create(planned)
    return len(planned)


class Migration(migrations.Migration):
    dependencies = [
        ("followups", "0004_followup_calendar_sequence"),
        ("accounts", "0003_digest_and_weekly_goal"),
        ("conversations", "0002_sequence_and_acted_on"),
        ("outreach", "0003_seed_templates_for_existing_users"),
        ("people", "0003_contact_keep_in_touch"),
    ]

    # Undoing it would delete follow-ups the user may have acted on since: leave them.
    operations = [migrations.RunPython(plan_missing_keep_in_touch, migrations.RunPython.noop)]

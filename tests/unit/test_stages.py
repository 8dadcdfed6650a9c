from datetime import UTC, date, datetime

from coffeechat.method.stages import ContactHistory, Stage, contact_stage

TODAY = date(2026, 11, 20)


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 12, 0, tzinfo=UTC)


def stage(**facts) -> Stage:
    return contact_stage(ContactHistory(**facts), TODAY)


def test_a_contact_with_no_history_is_identified():
    assert stage() is Stage.IDENTIFIED


def test_a_request_makes_them_contacted():
    assert stage(first_request_sent_at=at(18)) is Stage.CONTACTED


def test_ten_business_days_of_silence_is_no_response():
    assert stage(first_request_sent_at=at(6)) is Stage.NO_RESPONSE
    assert stage(first_request_sent_at=at(9)) is Stage.CONTACTED


def test_a_reply_makes_them_replied():
    assert stage(first_request_sent_at=at(1), last_reply_on=date(2026, 11, 3)) is Stage.REPLIED


def test_a_decline_is_declined_unless_a_conversation_follows():
    assert stage(last_reply_on=date(2026, 11, 3), declined=True) is Stage.DECLINED
    assert (
        stage(last_reply_on=date(2026, 11, 3), declined=True, upcoming_conversation_at=at(25))
        is Stage.SCHEDULED
    )


def test_an_upcoming_conversation_is_scheduled():
    assert (
        stage(last_reply_on=date(2026, 11, 3), upcoming_conversation_at=at(25)) is Stage.SCHEDULED
    )


def test_meeting_then_thanking_then_writing_again():
    assert stage(last_met_at=at(10)) is Stage.MET
    assert stage(last_met_at=at(10), thanked_at=at(11)) is Stage.THANKED
    assert (
        stage(last_met_at=at(10), thanked_at=at(11), last_message_sent_at=at(11)) is Stage.THANKED
    )
    assert (
        stage(last_met_at=at(10), thanked_at=at(11), last_message_sent_at=at(19))
        is Stage.KEEPING_IN_TOUCH
    )


def test_a_thank_you_before_a_second_meeting_does_not_count_for_it():
    assert stage(last_met_at=at(15), thanked_at=at(11)) is Stage.MET


def test_stages_have_readable_labels():
    assert Stage.KEEPING_IN_TOUCH.label == "Keeping in touch"

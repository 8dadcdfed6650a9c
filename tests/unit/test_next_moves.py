"""Next moves for the top of the target list: find someone, or write to the warmest person."""

from coffeechat.method.next_moves import Move, Person, Target, next_moves, warmest


def person(id, name, how_known="alumni", approached=False, introduced_by="", in_play=None):
    return Person(
        id=id,
        name=name,
        how_known=how_known,
        approached=approached,
        introduced_by=introduced_by,
        # Someone approached is waiting for an answer unless a test says otherwise.
        in_play=approached if in_play is None else in_play,
    )


def test_an_organization_with_nobody_asks_you_to_find_someone():
    [move] = next_moves([Target(id=1, name="Green Bank", people=())])
    assert move.move is Move.FIND_SOMEONE
    assert move.title == "Find someone at Green Bank"
    assert move.contact_id is None


def test_the_warmest_person_is_suggested_first_whatever_order_they_were_added():
    people = (
        person(1, "Cold Carl", "cold"),
        person(2, "Linked Lin", "linkedin"),
        person(3, "Alum Al", "alumni"),
        person(4, "Friend Fay", "friend"),
    )
    [move] = next_moves([Target(id=9, name="Acme", people=people)])
    assert move.move is Move.FIRST_REQUEST
    assert move.title == "Write to Friend Fay at Acme"
    assert move.contact_id == 4


def test_a_referral_beats_a_friend_and_ties_go_to_whoever_was_added_first():
    assert warmest([person(5, "B", "friend"), person(6, "R", "referral")]).name == "R"
    assert warmest([person(8, "Later", "alumni"), person(7, "Earlier", "alumni")]).name == (
        "Earlier"
    )


def test_an_organization_already_in_play_is_left_to_the_reply_routine():
    people = (person(1, "Priya Shah", approached=True), person(2, "Sam Lee"))
    assert next_moves([Target(id=1, name="Green Bank", people=people)]) == []


def test_a_weak_tie_with_an_introducer_suggests_asking_for_an_introduction():
    people = (person(1, "Sam Lee", "linkedin", introduced_by="Kim Ode"),)
    [move] = next_moves([Target(id=1, name="Acme", people=people)])
    assert "ask Kim Ode to introduce you" in move.detail


def test_a_warm_tie_is_written_to_directly_even_if_someone_introduced_them():
    people = (person(1, "Sam Lee", "alumni", introduced_by="Kim Ode"),)
    [move] = next_moves([Target(id=1, name="Acme", people=people)])
    assert "introduce" not in move.detail
    assert "no mention of jobs" in move.detail


def test_moves_keep_the_priority_order_of_the_targets():
    targets = [
        Target(id=3, name="Dream Co", people=()),
        Target(id=1, name="Busy Co", people=(person(1, "A", approached=True),)),
        Target(id=2, name="Next Co", people=(person(2, "B"),)),
    ]
    assert [m.organization for m in next_moves(targets)] == ["Dream Co", "Next Co"]


def test_a_weak_tie_goes_through_the_introducer_and_a_warm_one_does_not():
    weak = person(1, "Sam Lee", "cold", introduced_by="Lena Ortiz")
    [move] = next_moves([Target(id=1, name="Acme", people=(weak,))])
    assert move.through == "Lena Ortiz"
    assert move.contact_id == 1  # compose for Sam: the introduction template goes to Lena
    warm = person(2, "Ada Obi", "friend", introduced_by="Lena Ortiz")
    [move] = next_moves([Target(id=2, name="Beta", people=(warm,))])
    assert move.through == ""


def test_a_weak_tie_nobody_can_introduce_is_written_to_directly():
    [move] = next_moves([Target(id=1, name="Acme", people=(person(1, "Sam Lee", "linkedin"),))])
    assert move.through == ""


def test_a_decline_leaves_the_next_person_there_as_the_move():
    people = (person(1, "Priya Shah", approached=True, in_play=False), person(2, "Sam Lee"))
    [move] = next_moves([Target(id=1, name="Green Bank", people=people)])
    assert move.title == "Write to Sam Lee at Green Bank"


def test_the_person_suggested_in_a_decline_is_the_warmest_next_move_and_named_first():
    people = (
        person(1, "Priya Shah", "friend", approached=True, in_play=False),
        person(2, "Ann Alum", "alumni"),
        person(3, "Sam Lee", "referral", introduced_by="Priya Shah"),
    )
    [move] = next_moves([Target(id=1, name="Green Bank", people=people)])
    assert move.contact_id == 3
    assert move.detail.startswith("Priya Shah suggested them: say so first")


def test_everyone_asked_and_nothing_under_way_asks_you_to_find_someone_else():
    people = (person(1, "Priya Shah", approached=True, in_play=False),)
    [move] = next_moves([Target(id=1, name="Green Bank", people=people)])
    assert move.move is Move.FIND_SOMEONE_ELSE
    assert move.title == "Find someone else at Green Bank"

from coffeechat.method.messages import (
    REQUEST,
    connection_line,
    merge,
    subject_line,
    unfilled_fields,
)


def test_merge_fills_known_fields_and_leaves_unknown_ones_visible():
    text = merge("Dear {{first_name}}, {{mystery}}", {"first_name": "Priya"})
    assert text == "Dear Priya, {{mystery}}"
    assert unfilled_fields(text) == ["mystery"]


def test_an_introduction_comes_first_whatever_else_is_known():
    line = connection_line("alumni", introducer="Priya Shah", school="Leeds", organization="Acme")
    assert line == "Priya Shah suggested I get in touch with you."


def test_alumni_are_reached_through_the_school():
    assert "Leeds alumni" in connection_line(
        "alumni", introducer="", school="Leeds", organization=""
    )


def test_a_cold_request_names_their_organization():
    assert "your work at Acme" in connection_line(
        "cold", introducer="", school="", organization="Acme"
    )


def test_subject_names_the_introducer():
    assert subject_line("friend", introducer="Priya Shah", school="", field="") == (
        "Priya Shah suggested I get in touch"
    )
    assert subject_line("cold", introducer="", school="", field="climate finance") == (
        "Advice about climate finance"
    )


def test_the_request_template_follows_the_method():
    fields = {
        "greeting": "Dear Sam",
        "organization": "Acme Climate",
        "my_name": "Alice Martin",
        "my_headline": "a final-year economics student at Leeds",
        "field": "climate finance",
    }
    body = merge(REQUEST.body, fields)
    words = body.split()
    assert len(words) < 100
    assert body.index("came across your work at Acme Climate") < body.index("I'm Alice")
    assert "job" not in body.lower()
    assert "15-20 minutes" in body
    assert unfilled_fields(body) == []

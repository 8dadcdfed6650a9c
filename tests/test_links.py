import pytest
from django.urls import reverse

from coffeechat.foundation.core.links import link_to


@pytest.mark.parametrize(
    "viewname", ["people:contact", "outreach:message_edit", "conversations:detail"]
)
def test_a_row_link_is_the_url_reverse_gives_for_that_record(viewname):
    link = link_to(viewname)
    for pk in (1, 42, 123456):
        assert link(pk) == reverse(viewname, args=[pk])


def test_a_view_without_one_primary_key_is_refused():
    with pytest.raises(Exception):  # noqa: B017 - NoReverseMatch or ValueError, either refuses
        link_to("outreach:messages")

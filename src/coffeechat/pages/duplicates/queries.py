"""The duplicates page's rows: each likely pair with both people as the contact list shows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coffeechat.foundation.accounts.models import User
from coffeechat.network.duplicates.finder import Pair
from coffeechat.network.people.models import Contact
from coffeechat.pages.people.queries import ContactRow, contact_rows


@dataclass(frozen=True)
class PairRow:
    """A pair as the duplicates page shows it: both contacts with their stage."""

    pair: Pair
    left: ContactRow
    right: ContactRow


def pair_rows(owner: User, pairs: Sequence[Pair]) -> list[PairRow]:
    """The contacts of a page of pairs, in a fixed number of queries however many pairs."""
    ids = {pk for pair in pairs for pk in (pair.left_id, pair.right_id)}
    rows = {
        row.contact.pk: row
        for row in contact_rows(owner, Contact.objects.owned_by(owner).filter(pk__in=ids))
    }
    return [
        PairRow(pair, rows[pair.left_id], rows[pair.right_id])
        for pair in pairs
        if pair.left_id in rows and pair.right_id in rows
    ]

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from coffeechat.edges.imports.uploads import too_big
from coffeechat.method.importers import CutShortError, ImportFileError, ParseResult, parse

KIND_CHOICES = [
    ("linkedin", "LinkedIn connections (Connections.csv)"),
    ("google", "Google Contacts (CSV)"),
    ("outlook", "Outlook (CSV)"),
    ("vcard", "vCard (.vcf), from Apple Contacts, a phone or any address book"),
    ("coffeechat", "Coffeechat contacts (CSV), downloaded from “Your data”"),
]
# Where each file comes from, shown under its choice.
KIND_HELP = {
    "linkedin": "LinkedIn: Settings > Data privacy > Get a copy of your data > Connections. "
    "LinkedIn e-mails you a link to a ZIP file; Connections.csv is inside.",
    "google": "contacts.google.com: select the contacts, then Export > Google CSV.",
    "outlook": "Outlook: File > Open & Export > Import/Export > Export to a file > Comma "
    "Separated Values. Outlook.com: People > Manage > Export contacts.",
    "vcard": "Apple Contacts: select the contacts, then File > Export > Export vCard. "
    "Google Contacts and most phones can export vCard too.",
    "coffeechat": "Coffeechat: Your data > Contacts (CSV), in this account or another. "
    "Every column comes back as it was, formulas included.",
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="Where the file comes from",
        choices=KIND_CHOICES,
        initial="linkedin",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the file comes from."},
    )
    file = forms.FileField(
        label="Exported file",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.vcf,.vcard,text/csv,text/vcard"}),
        error_messages={
            "required": "Choose the file you exported.",
            "empty": "The file is empty. Export your contacts again and choose the new file.",
        },
    )

    # Shown once a file is found cut short (or when ticked): the user chooses the whole rows.
    complete_only = forms.BooleanField(
        label="Import the complete rows only",
        required=False,
        help_text="Leaves out the last row or card, the one the file stops in the middle of.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cut_short = False
        # A file cut short, read again without its unfinished last row: offered at once, so
        # that the person need not choose the file a second time.
        self.complete_rows: ParseResult | None = None
        self.upload_name = ""
        # Read per form, not at import, so the page always states the cap in force; app.js
        # reads data-max-bytes to refuse a bigger file before it is sent.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        self.fields["file"].help_text = f"Up to {limit / (1024 * 1024):g} MB."
        self.fields["file"].widget.attrs["data-max-bytes"] = str(limit)

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        refusal = too_big(upload.name, upload.size)
        if refusal:
            raise forms.ValidationError(
                f"{refusal} Split it into smaller files, or ask whoever runs Coffeechat to raise "
                "COFFEECHAT_MAX_UPLOAD_MB."
            )
        return upload

    def clean(self) -> dict[str, Any]:
        """Read the file now, so a wrong or unreadable file is refused on this page."""
        super().clean()
        cleaned = self.cleaned_data
        upload, kind = cleaned.get("file"), cleaned.get("kind")
        if upload is None or kind is None:
            return cleaned
        data, self.upload_name = upload.read(), upload.name
        try:
            cleaned["parsed"] = parse(
                kind, data, upload.name, complete_only=cleaned.get("complete_only", False)
            )
        except CutShortError as error:
            self.cut_short = True
            self.add_error("file", str(error))
            try:
                self.complete_rows = parse(kind, data, upload.name, complete_only=True)
            except ImportFileError:
                self.complete_rows = None  # nothing complete to offer: the refusal stands
        except ImportFileError as error:
            self.add_error("file", str(error))
        return cleaned

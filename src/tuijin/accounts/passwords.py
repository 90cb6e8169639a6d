import string

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


class CharacterClassValidator:
    """等保 2.0 complexity: a password mixes at least N of upper case, lower case, digits and symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    @staticmethod
    def classes_in(password: str) -> int:
        checks = (str.isupper, str.islower, str.isdigit, lambda c: c in string.punctuation or not c.isalnum())
        return sum(any(check(c) for c in password) for check in checks)

    def validate(self, password: str, user: object = None) -> None:
        if self.classes_in(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return ngettext(
            "Your password must mix at least %(count)d kind of character: upper case, lower case, digits, symbols.",
            "Your password must mix at least %(count)d kinds of characters: upper case, lower case, digits, symbols.",
            self.min_classes,
        ) % {"count": self.min_classes}

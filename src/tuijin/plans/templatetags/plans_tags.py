from django import template

register = template.Library()

# The decomposer's comparators (a stable JSON format) as a reader writes them.
COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈"}


@register.filter
def comparator(value: str) -> str:
    return COMPARATORS.get(value, value)

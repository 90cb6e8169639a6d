"""Money is Decimal in 万元 (10k CNY); 亿元 only for display."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

WAN_PER_YI = Decimal(10000)
CENT_OF_WAN = Decimal("0.01")


def parse_wan(value: object) -> Decimal:
    """Read an amount in 万元 from a cell or form value; raises ValueError with the raw text."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).strip().replace(",", "").replace("，", "")
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise ValueError(text) from error


def quantize_wan(amount: Decimal) -> Decimal:
    return amount.quantize(CENT_OF_WAN, rounding=ROUND_HALF_UP)


def wan_to_yi(amount: Decimal) -> Decimal:
    return (amount / WAN_PER_YI).quantize(CENT_OF_WAN, rounding=ROUND_HALF_UP)

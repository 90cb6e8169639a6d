"""The problems' plain settings (categories, level time limits) on the generic record pages."""

from tuijin.core.records import RecordType, register

from .models import LevelLimit, ProblemCategory

register(
    RecordType(
        key="problemcategory",
        model=ProblemCategory,
        fields=["programme", "name", "sort_order", "is_active"],
        columns=["name", "programme", "sort_order", "is_active"],
        select_related=["programme"],
    ),
    RecordType(
        key="levellimit",
        model=LevelLimit,
        fields=["programme", "level", "days"],
        columns=["programme", "level", "days"],
        text_fields=[],
        filters=["level"],
        select_related=["programme"],
    ),
)

"""Writing many rows fast: PostgreSQL's COPY, one executemany on SQLite. The generator writes the
large tables (reports, plans, lists, events) this way; model instances and bulk_create cost about
ten times more per row, which at a million reports is the difference between seconds and minutes.
Values go through each field's own conversion (dates, decimals, JSON) so rows read back exactly as
the ORM would have written them."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import connection, models


def _converter(field: models.Field) -> Callable[[Any], Any] | None:
    """How a value is prepared for the database, or None when the driver takes it as it is: both
    drivers take ints, text, booleans, dates and decimals; aware datetimes (naive UTC text on SQLite)
    and JSON need the field's own conversion."""
    if isinstance(field, models.DateTimeField | models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection=connection)
    return None


class TableWriter:
    """Appends rows to one model's table. `columns` name the fields every row gives in order;
    `constants` are fields with one value for all rows (timestamps, version), converted once."""

    def __init__(self, model: type[models.Model], columns: Sequence[str], constants: Mapping[str, Any] | None = None):
        fields = [model._meta.get_field(name) for name in columns]
        constant_fields = [model._meta.get_field(name) for name in constants or {}]
        self.table = model._meta.db_table
        self.column_names = [field.column for field in fields + constant_fields]
        self.converters = [_converter(field) for field in fields]
        self.constants = tuple(
            (convert(value) if (convert := _converter(field)) else value)
            for field, value in zip(constant_fields, (constants or {}).values(), strict=True)
        )
        self.written = 0

    def _prepared(self, rows: Iterable[Sequence[Any]]) -> Iterable[tuple[Any, ...]]:
        converters = list(enumerate(self.converters))
        for row in rows:
            values = list(row)
            for i, convert in converters:
                if convert is not None and values[i] is not None:
                    values[i] = convert(values[i])
            yield (*values, *self.constants)

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(name) for name in self.column_names)
        prepared = list(self._prepared(rows))
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(self.table)} ({columns}) FROM STDIN") as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(self.column_names))
                cursor.executemany(f"INSERT INTO {quote(self.table)} ({columns}) VALUES ({placeholders})", prepared)
        self.written += len(prepared)
        return len(prepared)

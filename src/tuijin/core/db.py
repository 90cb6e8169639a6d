"""What the ORM does not say well, or fast enough, on both databases."""

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import connection, models
from django.db.models.expressions import RawSQL


def among(keys: Iterable[int]) -> RawSQL:
    """Many integer keys as one query parameter, for `filter(project_id__in=among(ids))`. A plain list
    becomes one placeholder per key, which Django prepares and psycopg parses one by one in Python:
    about a quarter of a second per query for the 20,000 projects of a province upload."""
    keys = list(keys)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (keys,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(keys),))


def _converter(field: models.Field) -> Callable[[Any], Any] | None:
    """How a value is prepared for the database, or None when the driver takes it as it is: both
    drivers take ints, text, booleans, dates and decimals; aware datetimes (naive UTC text on SQLite)
    and JSON need the field's own conversion. Each distinct datetime is converted once, since the rows
    of one write share their time stamps."""
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection=connection)
    if isinstance(field, models.DateTimeField):
        seen: dict[Any, Any] = {}

        def convert(value: Any) -> Any:
            if value not in seen:
                seen[value] = field.get_db_prep_save(value, connection=connection)
            return seen[value]

        return convert
    return None


class TableWriter:
    """Appends rows to one model's table without model instances: PostgreSQL's COPY, one executemany
    on SQLite. Model instances and bulk_create cost about ten times more per row, which at a province's
    20,000 reports (or the generator's million) is the difference between seconds and minutes; COPY is
    three times faster again than pipelined INSERTs on PostgreSQL. Values go through each field's own
    conversion, so rows read back exactly as the ORM would have written them. `columns` name the fields
    (or their attnames) every row gives in order; `constants` are fields with one value for all rows."""

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
        converters = [(i, convert) for i, convert in enumerate(self.converters) if convert is not None]
        for row in rows:
            values = list(row)
            for i, convert in converters:
                if values[i] is not None:
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

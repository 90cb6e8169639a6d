"""On PostgreSQL, a trigram index on the projects' search key, so that the list's text search (a
LIKE '%…%' on simplified text) reads the index instead of every project. SQLite has no such index
and scans; at province scale that is still a few tens of milliseconds. pg_trgm is a trusted
extension (PostgreSQL 13+): the database's owner may create it."""

from django.db import migrations

INDEX = "project_search_key_trgm_idx"


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON projects_project USING gin (search_key gin_trgm_ops)")


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("projects", "0003_ranking_report_indexes")]

    operations = [migrations.RunPython(create, drop)]

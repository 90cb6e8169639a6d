"""Responses for files we hand back: Excel and Word with a Chinese file name that survives every browser."""

from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_response(data: bytes, filename: str, content_type: str, headers: dict[str, str] | None = None) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type, headers=headers)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def xlsx_response(data: bytes, stem: str, headers: dict[str, str] | None = None) -> HttpResponse:
    return file_response(data, f"{stem}.xlsx", XLSX, headers)


def docx_response(data: bytes, stem: str) -> HttpResponse:
    return file_response(data, f"{stem}.docx", DOCX)

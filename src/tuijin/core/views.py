from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.org import selectors as org_selectors

from . import access
from . import choices as choice_lookup
from .forms import AuditFilterForm
from .http import xlsx_response
from .models import AuditAction
from .records import REGISTRY, RecordType, display_value
from .selectors import audit_entries, audited_models, may_read_audit, record_history
from .services import StaleRecord, record_save
from .uploads import annotated_file

PAGE_SIZE = 50


@login_required
def home(request: HttpRequest) -> HttpResponse:
    programmes = list(org_selectors.programme_list(user=request.user))
    for programme in programmes:
        programme.gaps = org_selectors.checklist_gaps(user=request.user, programme=programme)
    return render(request, "core/home.html", {"programmes": programmes})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switches the UI language and keeps the choice: in a cookie, and on the user for other devices."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language and check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax"
        )
        if request.user.is_authenticated and request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
    return response


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, may_read_audit(request.user), "audit log")
    form = AuditFilterForm(request.GET or None, models=audited_models())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_entries(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(entries.select_related("user"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"form": form, "page": page, "actions": AuditAction})


def _record_type(key: str) -> RecordType:
    try:
        return REGISTRY[key]
    except KeyError:
        raise Http404 from None


def _list_filters(record_type: RecordType, request: HttpRequest) -> dict[str, str]:
    allowed = set(record_type.filters) | {f.name for f in record_type.model._meta.concrete_fields if f.is_relation}
    return {name: value for name, value in request.GET.items() if name in allowed and value}


@login_required
def record_list(request: HttpRequest, key: str) -> HttpResponse:
    record_type = _record_type(key)
    qs = access.visible(request.user, record_type.model.objects.select_related(*record_type.select_related))
    filters = _list_filters(record_type, request)
    try:
        qs = qs.filter(**filters)
    except (ValueError, TypeError):
        qs = qs.none()
    qs = record_type.search(qs, request.GET.get("q", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(obj, [display_value(obj, c) for c in record_type.columns]) for obj in page]
    choice_filters = [
        (name, record_type.model._meta.get_field(name).verbose_name, record_type.model._meta.get_field(name).choices)
        for name in record_type.filters
    ]
    return render(
        request,
        "core/record_list.html",
        {
            "record_type": record_type,
            "page": page,
            "rows": rows,
            "choice_filters": choice_filters,
            "active_filters": filters,
            "may_create": access.may_create(request.user, record_type.model),
        },
    )


def _detail_children(request: HttpRequest, obj: Any, record_type: RecordType) -> list[dict[str, Any]]:
    children = []
    for related_name, child_key in record_type.children:
        child_type = REGISTRY[child_key]
        qs = access.visible(request.user, getattr(obj, related_name).all())
        children.append(
            {
                "record_type": child_type,
                "rows": [(c, [display_value(c, col) for col in child_type.columns]) for c in qs[:200]],
                "count": qs.count(),
            }
        )
    return children


@login_required
def record_detail(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    record_type = _record_type(key)
    obj = access.get_visible_or_404(request, record_type.model.objects.all(), pk=pk)
    fields = [
        (obj._meta.get_field(name).verbose_name, display_value(obj, name), getattr(obj, name, None))
        for name in record_type.fields
    ]
    return render(
        request,
        "core/record_detail.html",
        {
            "record_type": record_type,
            "object": obj,
            "fields": fields,
            "children": _detail_children(request, obj, record_type),
            "history": record_history(instance=obj)[:200],
            "may_change": access.can_change(request.user, obj),
        },
    )


def record_form_saved(request: HttpRequest, form: Any, what: str) -> Any | None:
    """Saves a valid record form as its user (`record_save`), with the success message; None when the
    record changed since the form was opened (the form then says so). A save out of the user's scope
    is logged as a denial, after the rollback so that the denial itself is kept, and refused."""
    try:
        saved = record_save(
            user=request.user,
            form=form,
            expected_version=form.cleaned_data.get("expected_version"),
            reason=form.cleaned_data.get("change_reason", ""),
        )
    except StaleRecord as stale:
        form.add_error(None, str(stale))
        return None
    except access.AccessDenied:
        access.record_denial(user=request.user, what=f"save {what} outside scope", request=request)
        raise
    messages.success(request, _("Saved “%(record)s”.") % {"record": saved})
    return saved


def _save_form(request: HttpRequest, record_type: RecordType, instance: Any | None) -> HttpResponse:
    form_class = record_type.form_class
    if request.method == "POST":
        form = form_class(request.POST, instance=instance, user=request.user)
        if form.is_valid() and (saved := record_form_saved(request, form, record_type.key)) is not None:
            return redirect(saved.get_absolute_url())
    else:
        initial = {k: v for k, v in request.GET.items() if k in form_class.base_fields}
        form = form_class(instance=instance, initial=initial, user=request.user)
    return render(request, "core/record_form.html", {"record_type": record_type, "form": form, "object": instance})


@login_required
def record_create(request: HttpRequest, key: str) -> HttpResponse:
    record_type = _record_type(key)
    access.deny_unless(request, access.may_create(request.user, record_type.model), f"create {key}")
    return _save_form(request, record_type, None)


@login_required
def record_edit(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    record_type = _record_type(key)
    obj = access.get_changeable_or_deny(request, record_type.model.objects.all(), pk=pk)
    return _save_form(request, record_type, obj)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


@login_required
def annotated_download(request: HttpRequest, token: str) -> HttpResponse:
    data = annotated_file(user=request.user, token=token)
    if data is None:
        raise Http404
    return xlsx_response(data, _("errors-marked"))


@login_required
def choices(request: HttpRequest, path: str) -> HttpResponse:
    """The records matching what was typed in a search-select widget (core/widgets.py)."""
    try:
        field = choice_lookup.foreign_key(path)
    except LookupError as unknown:
        raise Http404(path) from unknown
    text = request.GET.get("q", "")
    found = list(
        choice_lookup.matching(choice_lookup.choices_for(request.user, field), text)[: choice_lookup.SHOWN + 1]
    )
    shown = [(record, choice_lookup.where_of(record)) for record in found[: choice_lookup.SHOWN]]
    context = {"choices": shown, "more": len(found) > choice_lookup.SHOWN, "text": text.strip()}
    return render(request, "includes/search_choices.html", context | {"shown": choice_lookup.SHOWN})

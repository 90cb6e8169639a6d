"""The public portal: what anyone may read without logging in. Every read goes through the access
module's public rule (published and evaluated commitments, published notices and the files it
opens); what is not public answers 404, as if it did not exist."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.http import docx_response
from tuijin.core.periods import format_period
from tuijin.plans.commitments import selectors
from tuijin.plans.commitments.models import OwnerKind
from tuijin.plans.models import Commitment
from tuijin.projects.models import Notice

# How each file field the public may fetch is sent.
_FILES = {"docx": docx_response}


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"programmes": selectors.public_programmes()})


def programme_page(request: HttpRequest, programme: int) -> HttpResponse:
    programme = get_object_or_404(selectors.public_programmes(), pk=programme)
    years = selectors.public_years(programme=programme)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = years[0] if years else None
    owner_kind = request.GET.get("kind", "")
    if owner_kind not in OwnerKind.values:
        owner_kind = ""
    owners = selectors.public_owners(programme=programme, year=year, owner_kind=owner_kind) if year else []
    page = Paginator(owners, selectors.PUBLIC_OWNERS_PER_PAGE).get_page(request.GET.get("page"))
    notices = [(notice, access.public_file(notice, "docx")) for notice in selectors.public_notices(programme=programme)]
    context = {
        "programme": programme,
        "years": years,
        "year": year,
        "kinds": OwnerKind.choices,
        "kind": owner_kind,
        "page": page,
        "groups": selectors.public_commitments(programme=programme, year=year, owners=list(page)) if year else [],
        "notices": notices,
    }
    return render(request, "portal/programme.html", context)


def commitment_page(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(access.public(Commitment.objects.select_related("programme")), pk=pk)
    return render(
        request,
        "portal/commitment.html",
        {"commitment": commitment, "events": selectors.public_timeline(commitment=commitment)},
    )


def notice_file(request: HttpRequest, pk: int, field: str) -> HttpResponse:
    notice = get_object_or_404(access.public(Notice.objects.all()), pk=pk)
    if field not in _FILES or not access.public_file(notice, field):
        raise Http404(_("This file is not public."))
    with getattr(notice, field).open("rb") as stored:
        data = stored.read()
    return _FILES[field](data, _("notice-%(period)s") % {"period": format_period(notice.period)})

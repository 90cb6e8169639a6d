from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.selectors import previous_login

from .forms import LoginForm, PasswordChangeForm
from .services import password_change


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        notice = previous_login(user=user)
        if notice:
            self.request.session["last_login"] = {
                "at": date_format(localtime(notice["at"]), "Y-m-d H:i"),
                "ip": notice["ip"] or "",
                "failures": notice["failures"],
            }
            text = _("Last login: %(at)s from %(ip)s.") % self.request.session["last_login"]
            if notice["failures"]:
                text += " " + _("%(failures)s failed login attempts since then.") % notice
            messages.info(self.request, text)
        else:
            messages.info(self.request, _("Welcome: this is your first login."))
        if user.language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, user.language, max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax"
            )
        return response


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def password_change_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PasswordChangeForm(request.user, request.POST)
        if form.is_valid():
            password_change(user=request.user, new_password=form.cleaned_data["new_password1"])
            update_session_auth_hash(request, request.user)
            messages.success(request, _("Your password has been changed."))
            return redirect("core:home")
    else:
        form = PasswordChangeForm(request.user)
    return render(request, "accounts/password_change.html", {"form": form, "expired": request.GET.get("expired")})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", {"grants": access.grants_of(request.user)})

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuijin.core.chinese import search_key
from tuijin.core.models import TrackedModel


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    COUNTY = "county", _("County")
    TOWN = "town", _("Town")
    ZONE = "zone", _("Development zone")


class Region(TrackedModel):
    """A territorial unit (发展主体/属地). `path` holds the codes from the root so that a subtree
    is one indexed prefix match."""

    code = models.CharField(
        _("administrative code"),
        max_length=12,
        unique=True,
        validators=[RegexValidator(r"^\d{6}(\d{3}|\d{6})?$", _("A code has 6, 9 or 12 digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("path"), max_length=255, unique=True, editable=False)
    search_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["path"]
        # Subtree filters are prefix matches (LIKE 'path%'); PostgreSQL needs pattern ops for them.
        indexes = [models.Index(fields=["path"], name="region_path_prefix_idx", opclasses=["varchar_pattern_ops"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["region", self.pk])

    def clean(self) -> None:
        if self.parent_id and self.parent.path and self.pk and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": _("A region cannot sit below itself.")})

    def save(self, *args: object, **kwargs: object) -> None:
        # Derived columns kept with the row so that scope and search never need a second pass.
        self.path = f"{self.parent.path if self.parent_id else ''}{self.code}/"
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def depth(self) -> int:
        return self.path.count("/")


class UnitKind(models.TextChoices):
    LEADING_GROUP = "leading_group", _("Leading group")
    OFFICE = "office", _("Programme office")
    DEPARTMENT = "department", _("Department")
    GOVERNMENT = "government", _("People's government")
    ZONE_COMMITTEE = "zone_committee", _("Zone committee")
    ENTERPRISE = "enterprise", _("Enterprise")
    OTHER = "other", _("Other organisation")


class Unit(TrackedModel):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    aliases = models.CharField(
        _("other names"),
        max_length=500,
        blank=True,
        help_text=_("Separated by 、 or commas, e.g. 省发改委、省发展改革委"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="units")
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    search_key = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["region__path", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="unit_name_unique_in_region")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["unit", self.pk])

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.replace(",", "、").replace("，", "、").split("、") if a.strip()]


class Person(TrackedModel):
    """Someone the programme names: lead officials, contacts, responsible people. Not necessarily a user."""

    name = models.CharField(_("name"), max_length=50)
    post = models.CharField(_("post"), max_length=100, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="people")
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["unit__name", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["person", self.pk])


class Industry(TrackedModel):
    """An industry in a region's catalogue (a province's “十强” industries, a district's ten)."""

    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="industries")
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["region__path", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="industry_name_unique_in_region")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["industry", self.pk])


class Programme(TrackedModel):
    """A major programme run by a region, e.g. a province's growth-driver conversion 2018–2022."""

    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="programmes")
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=[MinValueValidator(2000)])
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=[MinValueValidator(2000)])
    leading_group = models.ForeignKey(
        Unit, verbose_name=_("leading group"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    office = models.ForeignKey(
        Unit, verbose_name=_("programme office"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["region__path", "-start_year"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:programme_detail", args=[self.pk])

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year comes after the first.")})


class TaskForceKind(models.TextChoices):
    INDUSTRY = "industry", _("Industry task force")
    PILLAR = "pillar", _("Pillar task force")
    SERVICE_LINE = "service_line", _("Service line")


class TaskForce(TrackedModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="task_forces"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TaskForceKind.choices)
    name = models.CharField(_("name"), max_length=100)
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="task_forces",
    )
    lead_officials = models.ManyToManyField(
        Person, verbose_name=_("lead officials"), blank=True, related_name="leads_task_forces"
    )
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="leads_task_forces",
    )
    member_units = models.ManyToManyField(
        Unit, verbose_name=_("member units"), blank=True, related_name="member_of_task_forces"
    )
    contact = models.ForeignKey(
        Person, verbose_name=_("contact person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("task force")
        verbose_name_plural = _("task forces")
        ordering = ["programme", "kind", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="task_force_name_unique_in_programme")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:task_force_detail", args=[self.pk])


class ThinkTank(TrackedModel):
    task_force = models.ForeignKey(
        TaskForce, verbose_name=_("task force"), on_delete=models.PROTECT, related_name="think_tanks"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("think tank")
        verbose_name_plural = _("think tanks")
        ordering = ["task_force", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["thinktank", self.pk])


class Expert(TrackedModel):
    think_tank = models.ForeignKey(
        ThinkTank, verbose_name=_("think tank"), on_delete=models.PROTECT, related_name="experts"
    )
    name = models.CharField(_("name"), max_length=50)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    field = models.CharField(_("field"), max_length=200, blank=True)
    is_chief = models.BooleanField(_("chief expert"), default=False)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["think_tank", "-is_chief", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["expert", self.pk])


class Alliance(TrackedModel):
    """An industry alliance or association (联盟/协会)."""

    task_force = models.ForeignKey(
        TaskForce, verbose_name=_("task force"), on_delete=models.PROTECT, related_name="alliances"
    )
    name = models.CharField(_("name"), max_length=200)
    head = models.CharField(_("head"), max_length=100, blank=True, help_text=_("Person and enterprise leading it"))
    member_count = models.PositiveIntegerField(_("members"), null=True, blank=True)

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["task_force", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["alliance", self.pk])


class Fund(TrackedModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="funds"
    )
    task_force = models.ForeignKey(
        TaskForce, verbose_name=_("task force"), null=True, blank=True, on_delete=models.PROTECT, related_name="funds"
    )
    name = models.CharField(_("name"), max_length=200)
    size = models.DecimalField(_("size (10k CNY)"), max_digits=16, decimal_places=2, null=True, blank=True)
    manager = models.CharField(_("fund manager"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["programme", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["fund", self.pk])

    def clean(self) -> None:
        if self.task_force_id and self.programme_id and self.task_force.programme_id != self.programme_id:
            raise ValidationError({"task_force": _("The task force belongs to another programme.")})


class PolicyDomain(models.TextChoices):
    TALENT = "talent", _("Talent")
    LAND = "land", _("Land")
    FINANCE = "finance", _("Finance")
    TAX = "tax", _("Tax")
    APPROVALS = "approvals", _("Approvals")
    ATTRACTION = "attraction", _("Investment attraction")
    TECHNOLOGY = "technology", _("Science and technology")
    ENVIRONMENT = "environment", _("Environment")
    INDUSTRY = "industry", _("Industry support")
    OTHER = "other", _("Other")


class Policy(TrackedModel):
    """An entry of the policy register (政策清单)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="policies"
    )
    task_force = models.ForeignKey(
        TaskForce,
        verbose_name=_("task force"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="policies",
    )
    title = models.CharField(_("title"), max_length=300)
    doc_number = models.CharField(_("document number"), max_length=100, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200)
    domain = models.CharField(_("domain"), max_length=20, choices=PolicyDomain.choices)
    industries = models.ManyToManyField(Industry, verbose_name=_("industries"), blank=True, related_name="policies")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policy register")
        ordering = ["programme", "domain", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=["policy", self.pk])

    def clean(self) -> None:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("A policy ends after it starts.")})

"""Organisations: the bodies inspected, the inspectorates, the commissioners."""

from __future__ import annotations

import enum

import attrs

from ._extensions import NO_EXTENSIONS, Extensions, freeze_extensions
from ._field_types import typed_fields
from ._fields import not_blank, to_tuple

__all__ = ["Identifier", "Organisation", "OrganisationKind"]


class OrganisationKind(enum.Enum):
    """What sort of body an organisation is.

    .. versionadded:: 0.1.0
    """

    POLICE_FORCE = "police_force"
    FIRE_AND_RESCUE_SERVICE = "fire_and_rescue_service"
    LOCAL_AUTHORITY = "local_authority"
    SCHOOL = "school"
    CARE_PROVIDER = "care_provider"
    CARE_LOCATION = "care_location"
    PROBATION_SERVICE = "probation_service"
    FOOD_BUSINESS = "food_business"
    MAYORAL_COMBINED_AUTHORITY = "mayoral_combined_authority"
    POLICE_AND_CRIME_COMMISSIONER = "police_and_crime_commissioner"
    GOVERNMENT_DEPARTMENT = "government_department"
    INSPECTORATE = "inspectorate"
    PARTNERSHIP = "partnership"
    OTHER = "other"


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Identifier:
    """An organisation's identifier in one scheme.

    Args:
        scheme: Whose identifier it is, as a short stable name: ``"ons"`` (ONS area code),
            ``"ofsted_urn"``, ``"cqc_location"``, ``"fhrs"``...
        value: The identifier itself, always text (URNs have leading zeros worth keeping).

    .. versionadded:: 0.1.0
    """

    scheme: str = attrs.field(validator=not_blank)
    value: str = attrs.field(validator=not_blank)

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Organisation:
    """A body: one that is inspected, inspects, or commissions an inspection.

    Args:
        name: The full name, as the body uses it.
        kind: What sort of body it is.
        short_name: A common abbreviation (``"GMP"``, ``"HMICFRS"``).
        identifiers: Its identifiers, by scheme.
        predecessors: Identifiers of the bodies it replaced (a school that became an academy
            gets a new URN; the old one is its predecessor).
        successors: Identifiers of the bodies that replaced it.
        extensions: Other tools' own data, under namespaced keys (``"yourtool:note"``).

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=not_blank)
    kind: OrganisationKind
    short_name: str | None = attrs.field(default=None, validator=not_blank)
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), converter=to_tuple)
    predecessors: tuple[Identifier, ...] = attrs.field(default=(), converter=to_tuple)
    successors: tuple[Identifier, ...] = attrs.field(default=(), converter=to_tuple)
    extensions: Extensions = attrs.field(default=NO_EXTENSIONS, converter=freeze_extensions)

    def identifier(self, scheme: str) -> str | None:
        """The organisation's identifier in *scheme*, or ``None`` if it has none there."""
        return next((i.value for i in self.identifiers if i.scheme == scheme), None)

    def __str__(self) -> str:
        return self.name

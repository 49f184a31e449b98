"""A read-only, hashable mapping, so that records holding mappings stay deeply immutable."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, final

__all__ = ["FrozenDict"]

K = TypeVar("K")
V = TypeVar("V", covariant=True)


@final
class FrozenDict(Mapping[K, V]):
    """An immutable mapping: it cannot change once made, and it hashes when its values do.

    Python's ``types.MappingProxyType`` is read-only but neither hashable nor independent of the
    dict behind it; records need both.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_data", "_hash")

    _data: dict[K, V]
    _hash: int | None

    def __init__(self, data: Mapping[K, V] | None = None, /) -> None:
        object.__setattr__(self, "_data", dict(data) if data is not None else {})
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        cached = self._hash
        if cached is None:
            cached = hash(frozenset(self._data.items()))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"FrozenDict is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"FrozenDict is immutable: cannot delete {name!r}")

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    # Immutable, so a shallow copy may be the object itself; pickling and deep copies rebuild
    # it from a plain dict (its __setattr__ refuses the usual way).
    def __copy__(self) -> FrozenDict[K, V]:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenDict[K, V]:
        return FrozenDict(copy.deepcopy(self._data, memo))

    def __reduce__(self) -> tuple[type[FrozenDict[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._data,))

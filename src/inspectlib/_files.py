"""Writing files safely: whole or not at all, in place where a file cannot be replaced.

A regular file is written to a temporary file beside it, flushed to disk, and renamed over it,
so that an interrupted write never leaves half a document. The temporary file is named after
its target, so that it is recognisable and fits any legal name::

    .report.json.1f3a9c2e.0.inspectlib-tmp

(the target's name, cut short if need be to leave room, a tag made from the whole name, a slot
number, and a fixed suffix). A write killed half way (``kill -9``, a power cut) leaves one
behind; the next write to the same target reuses or removes it. While a writer works it holds
a lock on its temporary file, which the system releases when the writer dies, however it
dies: a temporary file that can be locked is stale, and one that cannot is in use.

What is not a regular file (a pipe, a terminal, ``/dev/null``) cannot be replaced, and is
written in place. A path that names an open file descriptor (``/dev/stdout``, ``/dev/fd/3``)
is written through that descriptor, so that a file the shell opened to append to stays
appended to.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: temporaries get random names there
    fcntl = None  # type: ignore[assignment]

__all__ = ["TEMPORARY_SUFFIX", "is_special", "temporary_names", "writes_in_place", "writing"]

TEMPORARY_SUFFIX: Final = ".inspectlib-tmp"
"""How every temporary file inspectlib writes ends."""
_SLOTS: Final = 16
"""Temporary names per target: as many writers to one file at once as anyone needs. Beyond
them, a random name is used, and not cleaned up after a crash."""
_NAME_MAX: Final = 255
"""The longest file name, in bytes, of the file systems in common use."""


_STANDARD_STREAMS: Final = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


def _descriptor(path: Path) -> int | None:
    """The open file descriptor *path* names (``/dev/stdout``, ``/dev/fd/3``,
    ``/proc/self/fd/3``), or ``None``."""
    name = os.path.normpath(path.absolute())
    if name in _STANDARD_STREAMS:
        return _STANDARD_STREAMS[name]
    for tree in ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/"):
        number = name.removeprefix(tree)
        if number != name and number.isdigit():
            return int(number)
    return None


def writes_in_place(path: Path) -> bool:
    """Whether :func:`writing` writes *path* in place, as bytes come (an open descriptor such
    as ``/dev/stdout``, a pipe, a device), where it cannot replace it whole or leave it as it
    was."""
    return _descriptor(path) is not None or is_special(path)


def is_special(path: Path) -> bool:
    """Whether *path* is something to write in place: what is not a regular file (a pipe, a
    device). A path that does not exist yet is not special."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _name_max(directory: Path) -> int:
    try:
        return min(os.pathconf(directory, "PC_NAME_MAX"), _NAME_MAX)
    except (OSError, ValueError, AttributeError):
        return _NAME_MAX


def _stem(target: Path) -> str:
    """``.NAME.TAG.``: the start of every temporary name of *target*, short enough to leave
    room for a slot (or eight random characters) and the suffix in its directory."""
    name = os.fsencode(target.name)
    tag = hashlib.sha256(name).hexdigest()[:8]
    room = _name_max(target.parent) - len(f"..{tag}.{'x' * 8}{TEMPORARY_SUFFIX}")
    return f".{os.fsdecode(name[:room])}.{tag}."


def temporary_names(target: Path) -> list[Path]:
    """The temporary names of *target*, one a slot, each short enough for its directory."""
    stem = _stem(target)
    return [target.parent / f"{stem}{slot}{TEMPORARY_SUFFIX}" for slot in range(_SLOTS)]


def _locked(handle: int) -> bool:
    """Take the lock of an open temporary file; False if a live writer holds it."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _is_the_file_at(handle: int, path: Path) -> bool:
    """Whether *handle* is still the regular file of ours at *path* (not removed or replaced
    by another writer meanwhile)."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(handle)
    return (
        stat.S_ISREG(held.st_mode)
        and (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)
        and held.st_uid == os.geteuid()
    )


_OPEN: Final = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _claim(path: Path) -> int | None:
    """An open handle on the temporary file *path*, locked: made new, or a stale one taken
    over and emptied; ``None`` if a live writer has it (or it is not ours to take)."""
    try:
        handle = os.open(path, _OPEN | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        try:
            handle = os.open(path, _OPEN)
        except OSError:  # a link, a file of another user: never ours
            return None
    except OSError:
        return None
    if _locked(handle) and _is_the_file_at(handle, path):
        os.ftruncate(handle, 0)
        return handle
    os.close(handle)
    return None


def _remove_stale(names: list[Path], mine: Path) -> None:
    """Remove the temporary files of the same target that no live writer holds."""
    for path in names:
        if path == mine:
            continue
        try:
            handle = os.open(path, _OPEN)
        except OSError:
            continue
        try:
            if _locked(handle) and _is_the_file_at(handle, path):
                path.unlink(missing_ok=True)
        finally:
            os.close(handle)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def writing(path: Path, *, append: bool = False) -> Iterator[IO[bytes]]:
    """A binary stream whose bytes end up in *path*.

    A regular file (or one that does not exist yet) is written to a temporary file and renamed
    over *path* once the block ends without an error, and not at all if it raises; with
    *append*, bytes go to the file's end. What :func:`is_special` names is opened and written
    in place. A symbolic link is followed: the file it points to is the one replaced. A new
    file gets the permissions the umask allows; a replaced file keeps its own.
    """
    descriptor = _descriptor(path)
    if descriptor is not None:
        # Written through the descriptor itself, so that a file the shell opened to append to
        # (``>> log``) is appended to, not overwritten from its start; what Python's own
        # streams hold goes out first.
        for standard in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                standard.flush()
        with os.fdopen(os.dup(descriptor), "wb") as stream:
            yield stream
        return
    if append or is_special(path):
        with path.open("ab" if append else "wb") as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    names = temporary_names(target) if fcntl is not None else []
    handle, temporary = next(
        ((claimed, name) for name in names if (claimed := _claim(name)) is not None),
        (None, None),
    )
    if handle is None or temporary is None:  # every slot busy, or no locks on this system
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=_stem(target), suffix=TEMPORARY_SUFFIX
        )
        temporary = Path(name)
    stream = os.fdopen(handle, "wb")
    try:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        # Removed while still locked, so that no other writer has taken the name meanwhile.
        temporary.unlink(missing_ok=True)
        raise
    finally:
        stream.close()
    _remove_stale(names, temporary)

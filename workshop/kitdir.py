"""The kit folder: the one place a build writes, and only what it wrote itself.

A folder is a kit when it holds the manifest (:data:`MANIFEST`, the list of files workshop wrote
there), or when it is empty or new. Any other folder is the user's, and a build refuses it, even
when its files have the names of the kit's files: a ``deck.pptx`` the user made, or last year's
``certificates.csv``, is never taken for ours.

A build makes its files in a staging folder inside the kit, then moves them in one by one and
removes only files the manifest lists as its own. Before moving anything it writes a journal
(``.ready``) into the staging folder; a build that is killed while moving is finished by the next
one, and a staging folder without a journal is a build that never completed and is removed. One
build at a time: a lock on the folder makes a second build (a ``watch`` and a ``build``, say)
wait for the first. The lock is a file of the user's cache folder named after the kit folder's
real path (the ``filelock`` library: the same on Windows as on POSIX), so the kit holds no file of it.

The folder itself is never removed or recreated, so its permissions, owner and any file the
user keeps in it stay as they are; a symbolic link is followed to the folder it names.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path

MANIFEST = ".workshop-kit.json"
STAGING = ".workshop-building-"
JOURNAL = ".ready"


def read_manifest(folder: Path) -> dict | None:
    """The manifest of the kit at ``folder`` as it was written (a JSON object); None when there is
    none or it cannot be read as one. Every reader of the manifest goes through here."""
    try:
        found = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _refuse(where: Path, message: str) -> InputError:
    return InputError(Problem(Src(display_path(where)), message))


class KitFolder:
    """Use as a context manager: on entry the folder is checked, made if need be, locked and
    left over builds are finished or cleared; on exit the lock is released."""

    def __init__(self, out_dir: Path, owned: set[str]):
        self.given = Path(out_dir)
        self.owned = owned  # top-level names the kit's outputs write
        self.path = Path(os.path.realpath(self.given))
        self._lock = None

    # -- opening ------------------------------------------------------------------------------

    def __enter__(self) -> "KitFolder":
        self._check_ownership()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _refuse(self.given, f"cannot write the output folder: {_reason(exc)}") from None
        self._lock = _folder_lock(self.path)
        self._lock.acquire()
        self._check_ownership()  # again, now that no other build can be changing it
        for leftover in sorted(self.path.glob(STAGING + "*")):
            if (leftover / JOURNAL).is_file():
                try:
                    self._apply(leftover)
                except OSError as exc:
                    raise _refuse(leftover, f"cannot finish moving in the files of a build that was stopped: "
                                            f"{_reason(exc)}; delete this folder and build again") from None
            else:
                shutil.rmtree(leftover, ignore_errors=True)
        return self

    def __exit__(self, *exc) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def check(self) -> None:
        """Refuse the folder now if it is the user's (it is checked again when a build opens it)."""
        self._check_ownership()

    def _check_ownership(self) -> None:
        path = self.path
        if not path.exists():
            return
        if not path.is_dir():
            raise _refuse(self.given, "the output folder is a file; give --out a folder name")
        if (path / MANIFEST).is_file():
            return
        try:
            entries = sorted(e.name for e in path.iterdir() if not e.name.startswith(STAGING))
        except OSError as exc:
            raise _refuse(self.given, f"cannot read the output folder: {_reason(exc)}") from None
        if entries:
            shown = ", ".join(entries[:5]) + (f" and {len(entries) - 5} more" if len(entries) > 5 else "")
            hint = (" (if they are a kit an earlier version of workshop made, delete the folder and build "
                    "again)" if all(e in self.owned for e in entries) else "")
            raise _refuse(self.given, f"this folder holds files workshop did not write ({shown}){hint}; "
                                      "workshop writes only into a new or empty folder, or one it made. "
                                      "Choose another --out, such as a new folder inside this one")

    # -- writing ------------------------------------------------------------------------------

    def stage(self) -> Path:
        """A new, empty staging folder inside the kit, on the same file system."""
        try:
            return Path(tempfile.mkdtemp(prefix=STAGING, dir=self.path))
        except OSError as exc:
            raise _refuse(self.given, f"cannot write the output folder: {_reason(exc)}") from None

    def discard(self, staged: Path) -> None:
        """Remove a staging folder after a failed build, unless its files were already being
        moved in: then the next build finishes the move."""
        if not (staged / JOURNAL).exists():
            shutil.rmtree(staged, ignore_errors=True)

    def manifest(self) -> dict[str, str]:
        """The files workshop wrote here and the SHA-256 of each as it wrote it."""
        path = self.path / MANIFEST
        if not path.exists():
            return {}
        found = read_manifest(self.path)
        listed = found.get("files") if found is not None else None
        if not isinstance(listed, dict) or not all(isinstance(f, str) and _inside(f, self.owned)
                                                   and isinstance(d, str) for f, d in listed.items()):
            raise _refuse(path, "the kit's list of the files it wrote is damaged, so workshop cannot tell its "
                                "files from yours; move the files you want to keep elsewhere, delete the "
                                "folder and build again")
        return listed

    def built_from(self) -> dict[str, dict]:
        """What each output in the kit was made from, as the build that made it recorded it:
        output name -> {"outline": digest, "roster": whether a roster was given} (see
        :mod:`workshop.agreement`). Empty for a kit made before this was recorded."""
        found = (read_manifest(self.path) or {}).get("built from", {})
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, dict)}

    def publish(self, staged: Path, replaced: set[str], built_from: dict[str, dict] | None = None,
                kept: tuple[str, ...] = ()) -> list[Path]:
        """Move every file in ``staged`` into the kit. Files of the old kit under the top-level
        names ``replaced`` that the new build did not make are removed; all others stay, and so do
        files under the top-level names ``kept`` (records, which are only added to).
        ``built_from`` says what each output made was made from; the manifest keeps it, with what
        it said of the outputs not made this time.

        Nothing is moved when a file the build would replace or remove is not as workshop wrote it
        (a deck edited by hand, a file the user put there) or when a folder of the kit has been
        replaced by a link: the user's work is never overwritten."""
        made = _files_under(staged)
        old = self.manifest()
        superseded = {f for f in old if f.split("/", 1)[0] in replaced and f.split("/", 1)[0] not in kept}
        removed = sorted(superseded - set(made))
        self._check_untouched(made + removed, old)
        journal = {"install": made, "remove": removed,
                   "manifest": {f: d for f, d in old.items() if f not in superseded}
                   | {f: _sha256(staged / f) for f in made},
                   "built from": self.built_from() | (built_from or {})}
        _write_json(staged / JOURNAL, journal)
        try:
            self._apply(staged)
        except OSError as exc:
            raise _refuse(self.given, f"the build stopped while moving its files into the kit: {_reason(exc)}; "
                                      "fix that and build again, and the move is finished") from None
        return [self.path / f for f in made]

    def _check_untouched(self, names: list[str], old: dict[str, str]) -> None:
        problems = []
        for top in sorted({n.split("/", 1)[0] for n in names if "/" in n}):
            folder = self.path / top
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                problems.append(Problem(Src(self._shown(top)), "is not the folder workshop made (a link or a "
                                        "file took its place); move it away and build again"))
        for name in names:
            target = self.path / name
            if problems or not os.path.lexists(target):
                continue
            if name not in old:
                problems.append(Problem(Src(self._shown(name)), "is not a file workshop wrote; move or rename "
                                        "it to keep it, then build again"))
            elif target.is_symlink() or not target.is_file() or _sha256(target) != old[name]:
                problems.append(Problem(Src(self._shown(name)), "was changed after workshop wrote it; to keep "
                                        "your edits, move or rename it (workshop will not overwrite it), then "
                                        "build again"))
        if problems:
            raise InputError(problems)

    def _shown(self, name: str) -> str:
        """A file of the kit as the user named the kit (not where its links lead)."""
        return f"{display_path(self.given)}/{name}"

    def _apply(self, staged: Path) -> None:
        try:
            journal = json.loads((staged / JOURNAL).read_text(encoding="utf-8"))
            names = journal["install"] + journal["remove"] + list(journal["manifest"])
            sound = all(isinstance(n, str) and _inside(n, self.owned) for n in names)
        except (OSError, ValueError, KeyError, TypeError):
            sound = False
        if not sound:
            raise _refuse(staged, "an unfinished build left this folder and its list of files is damaged; "
                                  "delete the folder and build again")
        for name in journal["install"]:
            source, target = staged / name, self.path / name
            if source.is_file():  # already moved by a build that was stopped part way
                new = self._new_folder(name)
                if new:  # one rename for the folder and all in it (the verify/ site: a folder a certificate)
                    os.replace(staged / new, self.path / new)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        for name in journal["remove"]:
            target = self.path / name
            if target.is_file() and not target.is_symlink():
                target.unlink()
            parent = target.parent
            if parent != self.path and not parent.is_symlink() and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
        record = {"written by": "workshop", "files": journal["manifest"]}
        if isinstance(journal.get("built from"), dict):
            record["built from"] = journal["built from"]
        _write_json(staged / "manifest", record)
        os.replace(staged / "manifest", self.path / MANIFEST)
        shutil.rmtree(staged, ignore_errors=True)

    def _new_folder(self, name: str) -> str:
        """The outermost folder on the way to file ``name`` that the kit does not have yet ("" when
        it has them all): every file the staging folder holds under it is to be installed, so it
        moves in whole."""
        parts = name.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if not os.path.lexists(self.path / folder):
                return folder
        return ""


def _files_under(folder: Path) -> list[str]:
    """Every file under ``folder`` as a relative path with "/", sorted (os.walk: a sixth of the
    time of Path.rglob for the 20,000 files of 10,000 certificates' verify/ site)."""
    found = []
    for root, _, names in os.walk(folder):
        inside = os.path.relpath(root, folder)
        prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if os.path.isfile(os.path.join(root, name))]
    return sorted(found)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _inside(name: str, owned: set[str]) -> bool:
    """Whether ``name`` is a plain relative path to a file under one of the kit's own names."""
    parts = name.split("/")
    return (bool(name) and "\\" not in name and parts[0] in owned
            and all(p not in ("", ".", "..") for p in parts) and not Path(name).is_absolute())


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _folder_lock(folder: Path):
    """The lock that lets one build at a time write into ``folder``: a file in the user's cache
    folder (the system's temporary folder when that cannot be written)."""
    from filelock import FileLock

    name = hashlib.sha256(os.fsencode(folder)).hexdigest()[:32] + ".lock"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "workshop" / "locks"
    for place in (cache, Path(tempfile.gettempdir()) / f"workshop-locks-{_user()}"):
        try:
            place.mkdir(parents=True, exist_ok=True, mode=0o700)
            return FileLock(place / name)
        except OSError:
            continue
    raise _refuse(folder, "cannot make the lock that keeps two builds from writing into this folder at once: "
                          "neither ~/.cache nor the temporary folder can be written")


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database: one shared name
        return "user"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)

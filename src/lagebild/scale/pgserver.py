"""A throwaway PostgreSQL server on 127.0.0.1, for the tests and the benchmarks.

:class:`TemporaryPostgres` runs ``initdb`` and ``pg_ctl`` (Debian's ``postgresql`` package) in a
temporary folder, listening on a free port of 127.0.0.1 only, with trust authentication, and
removes everything on exit. PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user (created by the Debian package) via ``runuser``.

``LAGEBILD_TEST_POSTGRES`` (a ``postgresql://`` URL to an existing server whose user may create
databases) skips starting one, e.g. for a CI service container.

    python -m lagebild.scale.pgserver     # start one, print its URL, stop on Ctrl-C
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

ENV_URL = "LAGEBILD_TEST_POSTGRES"
_SERVICE_USER = "postgres"


def find_binary(name: str) -> str | None:
    """``initdb``/``pg_ctl`` on PATH, else in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return candidates[-1] if candidates else None


def unavailable_reason() -> str | None:
    """Why no test server can be had here, or None when one can."""
    if os.environ.get(ENV_URL):
        return None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install 'lagebild[postgres]'"
    if not find_binary("initdb") or not find_binary("pg_ctl"):
        return ("PostgreSQL server binaries (initdb, pg_ctl) are missing: apt-get install postgresql "
                "(make test does this as root), or set LAGEBILD_TEST_POSTGRES to a server URL")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam(_SERVICE_USER)
        except KeyError:
            return "running as root without a 'postgres' system user to run the server as"
        if not shutil.which("runuser"):
            return "running as root without runuser to start the server as 'postgres'"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TemporaryPostgres:
    """A PostgreSQL server for the duration of a ``with`` block; :meth:`create_database` gives URLs."""

    def __init__(self) -> None:
        self.url = os.environ.get(ENV_URL)
        self._external = bool(self.url)
        self._folder: str | None = None
        self._as_user: list[str] = []

    def __enter__(self) -> "TemporaryPostgres":
        if self._external:
            return self
        reason = unavailable_reason()
        if reason:
            raise RuntimeError(reason)
        self._folder = tempfile.mkdtemp(prefix="lagebild-pg-")
        data = os.path.join(self._folder, "data")
        if os.geteuid() == 0:
            import pwd

            user = pwd.getpwnam(_SERVICE_USER)
            os.chown(self._folder, user.pw_uid, user.pw_gid)
            os.chmod(self._folder, 0o700)
            self._as_user = ["runuser", "-u", _SERVICE_USER, "--"]
        port = _free_port()
        run = lambda *cmd: subprocess.run([*self._as_user, *cmd], check=True,  # noqa: E731
                                          capture_output=True, text=True, cwd=self._folder)
        run(find_binary("initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C", "--no-sync")
        # Tuned for a throwaway test server: durability traded for speed, sockets in the folder.
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={self._folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        try:
            run(find_binary("pg_ctl"), "-D", data, "-l", os.path.join(self._folder, "log"), "-w",
                "-t", "60", "-o", options, "start")
        except subprocess.CalledProcessError as exc:
            log = Path(self._folder, "log")
            detail = log.read_text(errors="replace")[-2000:] if log.exists() else exc.stderr
            self._cleanup()
            raise RuntimeError(f"PostgreSQL did not start: {detail}") from exc
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        return self

    def create_database(self, name: str | None = None) -> str:
        """A new empty database on the server; returns its URL."""
        import psycopg

        name = name or f"lagebild_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + "/" + name

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def __exit__(self, *exc: object) -> None:
        if self._external or not self._folder:
            return
        subprocess.run([*self._as_user, find_binary("pg_ctl"), "-D", os.path.join(self._folder, "data"),
                        "-m", "immediate", "-w", "stop"], capture_output=True, cwd=self._folder)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def main() -> None:  # pragma: no cover - a manual helper
    with TemporaryPostgres() as server:
        print(server.create_database("lagebild"), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":  # pragma: no cover
    main()

"""Serves a folder with Debian's nginx on 127.0.0.1 under a subpath, as a school would host the
site inside its existing website. Everything nginx writes (pid, logs, temp files) goes into a
temporary folder, and it runs as the current user."""
import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

NGINX_CONF = """\
{user}worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  charset utf-8;
  access_log {tmp}/access.log;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    # Only the subpath is the site: a link that escapes it gets a 404, as it would on a school's server.
    location / {{ return 404; }}
    location {subpath} {{
      alias {root}/;
      index index.html;
    }}
  }}
}}
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NginxServer:
    """`with NginxServer(folder) as server:` serves `folder` at `server.base_url`
    (http://127.0.0.1:PORT/policies/) until the block ends."""

    def __init__(self, root: str, subpath: str = "/policies/"):
        if not (subpath.startswith("/") and subpath.endswith("/")):
            raise ValueError("subpath must start and end with /")
        self.root = os.path.abspath(root)
        self.subpath = subpath
        self.process = None
        self.tmp = None
        self.base_url = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self, attempts: int = 3):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        last_error = ""
        for _ in range(attempts):
            self.tmp = tempfile.mkdtemp(prefix="policy-site-nginx-")
            port = free_port()
            # The `user` directive only means something (and is only allowed quietly) for root.
            user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
            conf = os.path.join(self.tmp, "nginx.conf")
            with open(conf, "w") as f:
                f.write(NGINX_CONF.format(user=user, tmp=self.tmp, port=port, subpath=self.subpath, root=self.root))
            self.process = subprocess.Popen(
                [nginx, "-e", os.path.join(self.tmp, "error.log"), "-p", self.tmp, "-c", conf],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.base_url = f"http://127.0.0.1:{port}{self.subpath}"
            if self._wait_until_ready():
                return
            last_error = self._log()
            self.stop()
        raise RuntimeError(f"nginx did not start: {last_error}")

    def _wait_until_ready(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.base_url, timeout=2) as response:
                    return response.status == 200
            except urllib.error.HTTPError as e:
                return e.code == 404  # serving, the folder just has no index page
            except OSError:
                time.sleep(0.05)
        return False

    def _log(self) -> str:
        err = ""
        if self.process and self.process.stderr and self.process.poll() is not None:
            err = self.process.stderr.read().decode(errors="replace")
        path = os.path.join(self.tmp or "", "error.log")
        if os.path.exists(path):
            with open(path, errors="replace") as f:
                err += f.read()
        return err.strip()

    def stop(self):
        """Stops nginx (the process this object started, by its id) and removes its folder."""
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            if self.process.stderr:
                self.process.stderr.close()
            self.process = None
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

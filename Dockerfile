# mockcentra as a container: `docker compose up` (see docker-compose.yml) or
#   docker build -t mockcentra . && docker run -p 8080:8080 -v mockcentra-data:/data mockcentra
#
# Reproducible: the base image is pinned by tag and digest, and every Python package comes from
# requirements.lock (exact versions with their hashes; README "Reproducible image" says how to
# regenerate it). Two builds a month apart install the same bytes.
FROM python:3.11.13-slim-bookworm@sha256:86adf8dbadc3d6e82ee5dd2c74bec2e1c2467cdad47886280501df722372d2e1

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The server runs as an unprivileged user that owns only /data.
RUN groupadd --system --gid 10001 mockcentra \
 && useradd --system --uid 10001 --gid mockcentra --create-home mockcentra \
 && mkdir -p /data \
 && chown mockcentra:mockcentra /data

WORKDIR /src
# Dependencies first (their layer is reused while the lock is unchanged), each hash checked;
# the lock also pins the build backend, so the project installs without fetching anything.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY fixtures ./fixtures
COPY mockcentra ./mockcentra
RUN pip install --no-cache-dir --no-deps --no-build-isolation . && rm -rf /src/*

# One SQLite file on a volume: keep a single container (one writer) per volume. Host and port
# come only from these variables (override them with `docker run -e` or compose's environment).
ENV MOCKCENTRA_DB=/data/mockcentra.db \
    MOCKCENTRA_HOST=0.0.0.0 \
    MOCKCENTRA_PORT=8080
VOLUME /data
WORKDIR /data
USER mockcentra

EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import os, sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:' + os.environ['MOCKCENTRA_PORT'] + '/_mock/health', timeout=2).status != 200)"]
CMD ["mockcentra", "serve"]

# mockcentra as a container: `docker compose up` (see docker-compose.yml) or
#   docker build -t mockcentra . && docker run -p 8080:8080 -v mockcentra-data:/data mockcentra
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The server runs as an unprivileged user that owns only /data.
RUN groupadd --system --gid 10001 mockcentra \
 && useradd --system --uid 10001 --gid mockcentra --create-home mockcentra \
 && mkdir -p /data \
 && chown mockcentra:mockcentra /data

WORKDIR /src
COPY pyproject.toml README.md ./
COPY fixtures ./fixtures
COPY mockcentra ./mockcentra
RUN pip install --no-cache-dir . && rm -rf /src/*

# One SQLite file on a volume: keep a single container (one writer) per volume.
ENV MOCKCENTRA_DB=/data/mockcentra.db \
    MOCKCENTRA_HOST=0.0.0.0 \
    MOCKCENTRA_PORT=8080
VOLUME /data
WORKDIR /data
USER mockcentra

EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/_mock/health', timeout=2).status != 200)"]
CMD ["mockcentra", "serve", "--host", "0.0.0.0", "--port", "8080"]

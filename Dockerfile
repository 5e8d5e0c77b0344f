# prestatie as a container: the dashboard on port 8501, the database on the volume /data.
#   docker build -t prestatie .
#   docker run -p 127.0.0.1:8501:8501 -v prestatie-data:/data prestatie
# compose.yaml adds the scheduled import from a watched folder. See README, "For IT".
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Debian's chromium draws the deck's charts to PNG (kaleido); fonts for its text.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin prestatie \
    && mkdir -p /data/invoer \
    && chown -R prestatie:prestatie /data

WORKDIR /app
# The dependencies first (a layer that changes only with pyproject.toml), then the code.
COPY pyproject.toml README.md ./
COPY prestatie ./prestatie
RUN pip install -e .
COPY app.py ./
COPY .streamlit ./.streamlit
COPY ui ./ui
COPY views ./views
COPY data/afspraken ./data/afspraken
COPY data/rollen.toml ./data/rollen.toml

# Inside the container the server listens on every interface (the port is published, or a
# reverse proxy in front of it); the database lives on the volume.
ENV PRESTATIE_DB=/data/prestatie.duckdb \
    BROWSER_PATH=/usr/bin/chromium \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

USER prestatie
VOLUME ["/data"]
EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/_stcore/health' % os.environ.get('STREAMLIT_SERVER_PORT', '8501'), timeout=4)"

CMD ["streamlit", "run", "app.py"]

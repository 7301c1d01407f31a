# One image recipe for every service: `--build-arg APP=incidents`.
# Stage 1 installs and builds with Nx; stage 2 carries only production dependencies
# and the built app, and runs as a non-root user. The last stage is chosen by APP:
# only reporting's adds a browser (BuildKit builds the stages the chosen one needs).
ARG APP

FROM node:24-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN node tools/build-app.mjs "$APP"

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM runtime AS runtime-units
FROM runtime AS runtime-incidents
FROM runtime AS runtime-campaigns

# Reporting prints the official document to PDF with Debian's Chromium, driven by
# playwright-core (ADR 0043, 0055). Times New Roman is not free to ship: fontconfig puts
# Liberation Serif 2 in its place (same metrics; version 2 covers Vietnamese, 1.07 of
# fonts-liberation does not). The build stops if either is not so. CHROMIUM_PATH points
# the service at the browser; without one the PDF answers 503 pdf-unavailable.
FROM runtime AS runtime-reporting
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation2 fontconfig \
 && rm -rf /var/lib/apt/lists/* \
 && fc-match "Times New Roman" | grep -q '"Liberation Serif"' \
 && fc-list ":lang=vi" family | grep -q "Liberation Serif"
ENV CHROMIUM_PATH=/usr/bin/chromium

FROM runtime-${APP} AS service
ARG APP
COPY --from=build /workspace/dist/apps/${APP} ./dist
ENV APP=${APP}
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]

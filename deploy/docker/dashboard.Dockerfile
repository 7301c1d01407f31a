# The analyst dashboard: the browser bundle and its small Node server (static files +
# a reverse proxy to the four services, /svc/<service>/api/v1/...). Stage 1 builds
# with esbuild; stage 2 carries only dist/apps/dashboard (the server is one bundled
# file with no dependencies) and runs as a non-root user.
FROM node:24-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node -r @swc-node/register apps/dashboard/server/build-dashboard.ts

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /workspace/dist/apps/dashboard ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]

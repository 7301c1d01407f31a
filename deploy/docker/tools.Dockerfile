# The operations image: sources + dev dependencies, for migrations and topic provisioning
# (Kubernetes Jobs `<service>-migrate` and `topics`). Runs as a non-root user.
FROM node:24-bookworm-slim
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
USER node
CMD ["node", "-r", "@swc-node/register", "tools/create-topics.ts"]

# Gesprekscyclus: one Node 22 process serves the bot (/api/messages), the API, the Teams tab and the Outlook
# task pane. Build: docker build -t gesprekscyclus .   Run: see docs/deployment.md ("Containers").

# --- build: all dependencies, then the tab and the Outlook add-in bundles ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:outlook

# --- runtime: production dependencies only, as an unprivileged user ---
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/src ./src
COPY --from=build /app/dist ./dist
COPY --from=build /app/demo ./demo
COPY --from=build /app/tsconfig.json ./tsconfig.json
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3978
# Node's own fetch: the slim image has no curl or wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tsx is a production dependency: the server runs from its TypeScript sources.
CMD ["node", "--import", "tsx", "src/server/main.ts"]

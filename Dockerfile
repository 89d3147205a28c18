# Gesprekscyclus: one Node 22 process serves the bot (/api/messages), the API, the Teams tab and the Outlook
# task pane. Build: docker build -t gesprekscyclus .   Run: see docs/deployment.md ("Containers").
# The image holds what App Service runs (npm run package:server stages the same): the server's TypeScript sources,
# run with tsx (a production dependency), the built bundles in dist/, and production dependencies only.

# --- build: all dependencies, then the type check and the tab and Outlook task pane bundles ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The browser sources are in dist/ now; the runtime image carries only the server's.
RUN npm run build && rm -rf src/tab src/outlook

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
COPY --from=build /app/tsconfig.json ./tsconfig.json
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3978
# Node's own fetch: the slim image has no curl or wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/server/main.ts"]

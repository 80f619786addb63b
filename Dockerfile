# syntax=docker/dockerfile:1
# Production image of Freiraum: one Node process serving the API and the built SPA on port 3000.
# Not exercised by CI (there is no Docker engine on the CI machines); see README "Docker compose".

# ── build: install everything, compile contracts, API and SPA, then drop dev dependencies ──
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund
# Collect exactly what the runtime needs (workspace package.json files keep node_modules' links valid).
RUN mkdir -p /out/apps /out/libs \
 && cp -a package.json package-lock.json node_modules /out/ \
 && for ws in apps/* libs/*; do \
      mkdir -p "/out/$ws" && cp "$ws/package.json" "/out/$ws/"; \
      [ -d "$ws/dist" ] && cp -a "$ws/dist" "/out/$ws/"; \
      [ -d "$ws/node_modules" ] && cp -a "$ws/node_modules" "/out/$ws/"; \
      [ -d "$ws/content" ] && cp -a "$ws/content" "/out/$ws/"; \
      true; \
    done

# ── runtime: slim, non-root, production mode ──
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /out/ /app/
# Only used when DATABASE_URL is unset (embedded database); owned by the unprivileged `node` user.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]

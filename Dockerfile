# The API and the worker (same image; the worker overrides the command). Neo4j and Redis come from
# their official images, see docker-compose.yml.
FROM node:20-slim

WORKDIR /app

COPY package.json package-lock.json ./
# npm install only when the lock file lacks this platform's optional packages (npm ci refuses then).
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund

COPY . .
RUN npm run build:client && npm prune --omit=dev --no-audit --no-fund

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
EXPOSE 3000
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

CMD ["npx", "tsx", "api/main.ts"]

# One image for every service; docker-compose picks the service with SERVICE.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
CMD ["sh", "-c", "exec node --import tsx services/${SERVICE}/main.ts"]

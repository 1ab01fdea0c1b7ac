#!/bin/sh
# Generates the TypeScript client types from an OpenAPI document and compiles example.ts against them.
# Usage: docs/api-client/check.sh path/to/openapi.json (e.g. curl -H 'Accept: application/json' $ROLEGATE_URL/q/openapi,
# or target/openapi/openapi.json after ./mvnw package -Dquarkus.smallrye-openapi.store-schema-directory=target/openapi).
# Needs node and npm; installs openapi-typescript, openapi-fetch and typescript in a temporary directory.
set -eu
document=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent openapi-typescript@7 openapi-fetch@0 typescript@5 @types/node@20 >/dev/null
cp "$here/example.ts" .
npx openapi-typescript "$document" -o rolegate.d.ts
npx tsc --strict --noEmit --target es2022 --module nodenext --moduleResolution nodenext --types node example.ts
echo "example.ts compiles against $1"

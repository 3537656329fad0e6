const { loadEnv } = require("@medusajs/utils")
loadEnv("test", process.cwd())

// test-utils reads the database settings when it is first loaded, so they are set here,
// before any test file runs. scripts/test.mjs starts the embedded PostgreSQL on this port.
process.env.DB_HOST = process.env.DB_HOST || "localhost"
process.env.DB_PORT = process.env.DB_PORT || "54329"
process.env.DB_USERNAME = process.env.DB_USERNAME || "postgres"
process.env.DB_PASSWORD = process.env.DB_PASSWORD || "postgres"
process.env.DB_TEMP_NAME = process.env.DB_TEMP_NAME || "bank_transfer_test"
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
process.env.BANK_TRANSFER_JOBS = "off"

const testType = process.env.TEST_TYPE || "unit"

const testMatch = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
}[testType]

module.exports = {
  transform: {
    // The storefront kit (src/storefront): React with the automatic JSX runtime
    "^.+\\.tsx$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  testMatch,
  testPathIgnorePatterns:
    testType === "integration:modules" ? ["\\.unit\\.spec\\."] : [],
  setupFiles: ["./integration-tests/setup.js"],
}

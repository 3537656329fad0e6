import { loadEnv, defineConfig, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development shop: it loads this plugin's own sources from ./src. A merchant's store does the
 * same with the built package (see the README): the plugin under `plugins`, and the provider under
 * the payment module, both given the same options.
 */
const bankTransferOptions = {
  accounts: [
    {
      bank_bin: "970436",
      bank_name: "Vietcombank",
      account_number: "0071000123456",
      account_holder: "CONG TY TNHH DEMO SHOP",
      currency: "VND",
    },
  ],
  reference_prefix: process.env.BANK_TRANSFER_PREFIX || "DH",
  // The integration tests drive the jobs themselves, with a controlled clock.
  jobs: process.env.BANK_TRANSFER_JOBS !== "off",
  webhooks: {
    sepay: {
      api_key: process.env.SEPAY_API_KEY || "dev-sepay-api-key-change-me",
      hmac_secret: process.env.SEPAY_HMAC_SECRET || "dev-sepay-hmac-secret-change-me",
    },
    casso: { secret: process.env.CASSO_SECRET || "dev-casso-secret-change-me" },
    generic: { secret: process.env.BANK_WEBHOOK_SECRET || "dev-generic-secret-change-me" },
  },
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { ssl: false },
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true",
  },
  modules: [
    {
      resolve: "./src/modules/bank-transfer",
      options: bankTransferOptions,
    },
    {
      // The demo shop logs emails and feed entries instead of sending them (see the README for a real provider).
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email", "feed"] } },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/providers/bank-transfer",
            id: "default",
            options: bankTransferOptions,
          },
        ],
      },
    },
  ],
})

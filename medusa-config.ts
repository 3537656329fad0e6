import { loadEnv, defineConfig } from "@medusajs/framework/utils"

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
  // A shopper up to 10,000 ₫ short (bank fees, rounding) is judged paid; Settings can change it.
  write_off: { VND: "10000" },
  // Medusa shows an unpaid transfer as "Authorized": refuse to fulfil it until the money is in.
  block_unpaid_fulfillment: true,
  // The payment page links back to the storefront (the example storefront's port by default).
  storefront_url: process.env.STOREFRONT_URL || "http://localhost:8000",
  // Where banks and shoppers reach this server (defaults to MEDUSA_BACKEND_URL, then localhost:9000).
  public_url: process.env.BANK_TRANSFER_PUBLIC_URL || undefined,
  // Shopper routes per client address / per payment token, per minute (in memory, per instance).
  rate_limit: {
    per_address: Number(process.env.BANK_TRANSFER_RATE_PER_ADDRESS) || 300,
    per_token: Number(process.env.BANK_TRANSFER_RATE_PER_TOKEN) || 60,
  },
  // The integration tests drive the jobs themselves, with a controlled clock.
  jobs: process.env.BANK_TRANSFER_JOBS !== "off",
  webhooks: {
    sepay: {
      api_key: process.env.SEPAY_API_KEY || "dev-sepay-api-key-change-me",
      hmac_secret:
        process.env.SEPAY_HMAC_SECRET || "dev-sepay-hmac-secret-change-me",
    },
    casso: { secret: process.env.CASSO_SECRET || "dev-casso-secret-change-me" },
    generic: {
      secret: process.env.BANK_WEBHOOK_SECRET || "dev-generic-secret-change-me",
    },
    payos: {
      checksum_key:
        process.env.PAYOS_CHECKSUM_KEY || "dev-payos-checksum-key-change-me",
    },
  },
}

/**
 * Several instances (README "Production: several instances"): with REDIS_URL set, Medusa's own Redis
 * modules replace the in-memory ones, so that events, workflows, scheduled jobs, locks and the cache
 * are shared by every instance on the same database. Without REDIS_URL nothing changes (the demo shop
 * and the tests run on the in-memory modules).
 */
const REDIS_URL = process.env.REDIS_URL || undefined
const WORKER_MODES = ["shared", "worker", "server"] as const
type WorkerMode = (typeof WORKER_MODES)[number]
const workerMode = process.env.MEDUSA_WORKER_MODE as WorkerMode | undefined
if (workerMode && !WORKER_MODES.includes(workerMode)) {
  throw new Error(
    `MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")} (got "${workerMode}")`
  )
}
// Optional: names this instance's BullMQ workers; the name is stored on every job they process
// (Redis key bull:medusa-workflows-jobs:<job id>, field "pb"), so one sees which instance ran a job.
const workerName = process.env.MEDUSA_INSTANCE_NAME
  ? { workerOptions: { name: process.env.MEDUSA_INSTANCE_NAME } }
  : {}
const redisModules = REDIS_URL
  ? [
      // Events go through a BullMQ queue: each is handled once, by one instance that runs subscribers.
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: REDIS_URL, ...workerName },
      },
      // Workflow state, retries and scheduled jobs: each job run happens on one instance per schedule.
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL, ...workerName } },
      },
      // Locks (acquireLockStep) held across instances.
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
      // The Caching Module (replaces the deprecated Cache Module since v2.11; Medusa's own use of it
      // is behind the `caching` feature flag, MEDUSA_FF_CACHING=true).
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { ssl: false },
    // Sessions in Redis, shared by every instance.
    ...(REDIS_URL ? { redisUrl: REDIS_URL } : {}),
    // "server" answers HTTP only; "worker" runs subscribers and scheduled jobs only; "shared" both.
    ...(workerMode ? { workerMode } : {}),
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors:
        process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  // `npm run bench` only: a throw-away plugin holding the ingest floor route (bench/floor).
  plugins: process.env.BANK_TRANSFER_BENCH_FLOOR_PLUGIN
    ? [{ resolve: process.env.BANK_TRANSFER_BENCH_FLOOR_PLUGIN, options: {} }]
    : [],
  admin: {
    disable: process.env.DISABLE_ADMIN === "true" || workerMode === "worker",
  },
  modules: [
    ...redisModules,
    {
      resolve: "./src/modules/bank-transfer",
      options: bankTransferOptions,
    },
    {
      // The demo shop logs emails and feed entries instead of sending them (see the README for a real provider).
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: ["email", "feed"] },
          },
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

const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Medusa's own test setup: models registered by one suite must not leak into the next.
MetadataStorage.clear()

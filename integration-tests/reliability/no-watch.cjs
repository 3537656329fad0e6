// Preloaded (NODE_OPTIONS=--require) into the demo shop the reliability suite starts. `medusa
// develop` restarts its server whenever any file of the project changes; in a working tree that
// others edit while the suite runs, such a restart would drop in-flight requests and in-memory
// events and be mistaken for a failure of the plugin. In the `medusa develop` process only, the
// file watcher is replaced by one that never fires: the server keeps the code it started with.
// (The suite's own crash scenarios kill and restart the server on purpose.)
if (process.argv[2] === "develop" && /medusa/.test(process.argv[1] ?? "")) {
  const { EventEmitter } = require("node:events")
  const chokidar = require(
    require.resolve("chokidar", { paths: [process.cwd()] })
  )
  const idle = () =>
    Object.assign(new EventEmitter(), {
      add() {
        return this
      },
      unwatch() {
        return this
      },
      close: async () => {},
    })
  if (chokidar.default) {
    chokidar.default.watch = idle
  }
  chokidar.watch = idle
}

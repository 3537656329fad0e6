// Browser entry: hydrates what the server rendered.
import { createElement } from "react"
import { hydrateRoot } from "react-dom/client"
import { App } from "./app.mjs"

hydrateRoot(
  document.getElementById("root"),
  createElement(App, { origin: location.origin, search: location.search })
)

import { memoryUpload } from "../../../memory-upload"

/** One statement file in the field "file", refused above the `import_max_bytes` option. */
export const statementUpload = memoryUpload({
  field: "file",
  maxFiles: 1,
  maxBytes: (options) => options.import_max_bytes,
  tooLarge: (max) =>
    `The statement is larger than the ${max} bytes allowed (option import_max_bytes)`,
})

import { Table, Text } from "@medusajs/ui"
import { useI18n } from "../../hooks/use-i18n"
import { fileLocation } from "../../lib/status"

type Props = { lines: { line: string; message: string }[] }

/**
 * The lines of a statement that could not be read, each with its error, as the server reported
 * them: they are left out of the import, and committing asks the accountant to confirm that.
 */
export function RejectedLinesList({ lines }: Props) {
  const { t } = useI18n()
  return (
    <div
      className="flex flex-col gap-y-2 px-4"
      data-testid="bt-import-rejected"
    >
      <Text size="small" weight="plus" className="text-ui-fg-error">
        {t("bankTransfer.importPreview.rejectedTitle", { count: lines.length })}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("bankTransfer.importPreview.rejectedHint")}
      </Text>
      <div className="max-h-[200px] overflow-auto rounded-md border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("bankTransfer.importPreview.columnLine")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.importPreview.columnError")}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.map((r) => (
              <Table.Row
                key={`${r.line}:${r.message}`}
                data-testid="bt-import-rejected-line"
              >
                <Table.Cell className="whitespace-nowrap">
                  {fileLocation(r.line, t)}
                </Table.Cell>
                <Table.Cell className="break-all">{r.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  )
}

import { Table } from "@medusajs/ui"
import { useI18n } from "../../hooks/use-i18n"

/**
 * Medusa UI's table pagination over an offset-paged admin list: `count` rows in all, `pageSize`
 * rows a page, the first shown row at `offset`; `onOffsetChange` gets the new offset.
 */
export function OffsetPagination({
  count,
  offset,
  pageSize,
  onOffsetChange,
}: {
  count: number
  offset: number
  pageSize: number
  onOffsetChange: (offset: number) => void
}) {
  const { pagination } = useI18n()
  return (
    <Table.Pagination
      translations={pagination}
      count={count}
      pageSize={pageSize}
      pageIndex={Math.floor(offset / pageSize)}
      pageCount={Math.max(1, Math.ceil(count / pageSize))}
      canPreviousPage={offset > 0}
      canNextPage={offset + pageSize < count}
      previousPage={() => onOffsetChange(Math.max(0, offset - pageSize))}
      nextPage={() => onOffsetChange(offset + pageSize)}
    />
  )
}

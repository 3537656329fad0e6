/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when the whole buffer is
 * UTF-8. A file may hold U+FFFD itself (EF BF BD), written by a bank's export: that is valid.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0
  while (i < buf.length) {
    const b = buf[i]
    if (b < 0x80) {
      i++
      continue
    }
    let n: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) {
      ;[n, min] = [1, 0x80]
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2
      min = b === 0xe0 ? 0xa0 : 0x80
      max = b === 0xed ? 0x9f : 0xbf
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3
      min = b === 0xf0 ? 0x90 : 0x80
      max = b === 0xf4 ? 0x8f : 0xbf
    } else {
      return i
    }
    if (i + n >= buf.length) {
      return i
    }
    if (buf[i + 1] < min || buf[i + 1] > max) {
      return i
    }
    for (let k = 2; k <= n; k++) {
      if (buf[i + k] < 0x80 || buf[i + k] > 0xbf) {
        return i
      }
    }
    i += n + 1
  }
  return -1
}

/**
 * Exact-sum subsets: which of a customer's open orders one transfer pays together. Bounded work:
 * at most MAX_ITEMS orders (the newest) and MAX_STEPS search steps, so a customer with hundreds
 * of open orders cannot slow the matcher down; past the bound nothing is found (no suggestion).
 */
const MAX_ITEMS = 20
const MAX_STEPS = 20_000

export interface SumItem {
  id: string
  amount: bigint
}

/**
 * Up to `limit` different subsets of two or more items whose amounts add up to `target` exactly.
 * Asking for two tells a unique answer from an ambiguous one.
 */
export function exactSumSubsets(
  items: SumItem[],
  target: bigint,
  limit = 2
): string[][] {
  const xs = items
    .filter((i) => i.amount > 0n && i.amount <= target)
    .slice(0, MAX_ITEMS)
    .sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1))
  if (xs.length < 2) {
    return []
  }
  // suffix sums: prune branches that can no longer reach the target
  const rest: bigint[] = new Array(xs.length + 1).fill(0n)
  for (let i = xs.length - 1; i >= 0; i--) {
    rest[i] = rest[i + 1] + xs[i].amount
  }
  if (rest[0] < target) {
    return []
  }
  const found: string[][] = []
  const pick: number[] = []
  let steps = 0
  const walk = (i: number, left: bigint): boolean => {
    if (++steps > MAX_STEPS) {
      return true
    }
    if (left === 0n) {
      if (pick.length >= 2) {
        found.push(pick.map((k) => xs[k].id))
      }
      return found.length >= limit
    }
    for (let k = i; k < xs.length; k++) {
      if (rest[k] < left) {
        return false
      }
      if (xs[k].amount > left) {
        continue
      }
      pick.push(k)
      const stop = walk(k + 1, left - xs[k].amount)
      pick.pop()
      if (stop) {
        return true
      }
    }
    return false
  }
  walk(0, target)
  return steps > MAX_STEPS ? [] : found
}

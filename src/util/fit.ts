/** Lists kept by the hundred thousand (the SPEC model's) without spare room. */

/** The one empty list every fitted empty list is: frozen, so nothing can add to it by mistake. */
export const NONE: never[] = Object.freeze([]) as never[]

/**
 * The list without the spare room `push` leaves (an array grown from [] has room for 17 items):
 * a copy of its exact length, or NONE when it is empty.
 */
export function fit<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice()
}

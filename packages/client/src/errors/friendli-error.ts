/** Base class of every error this SDK throws, so `instanceof FriendliError` catches them all. */
export class FriendliError extends Error {
  override name = "FriendliError";
}

/** The input was rejected before any request was sent (missing token, bad value, ...). */
export class InvalidInputError extends FriendliError {
  override name = "InvalidInputError";
}

import * as classes from "./api-error.ts";

// The statuses with a class of their own; any other 5xx is an InternalServerError, the rest APIError.
const classByStatus: Readonly<Record<number, new (init: classes.ApiErrorInit) => classes.APIError>> = {
  400: classes.BadRequestError,
  401: classes.AuthenticationError,
  403: classes.PermissionDeniedError,
  404: classes.NotFoundError,
  409: classes.ConflictError,
  422: classes.ValidationError,
  429: classes.RateLimitError,
};

/** Picks the error class for a status, so callers can `instanceof` by meaning. */
export function createApiError(init: classes.ApiErrorInit): classes.APIError {
  const ErrorClass =
    classByStatus[init.status] ?? (init.status >= 500 ? classes.InternalServerError : classes.APIError);
  return new ErrorClass(init);
}

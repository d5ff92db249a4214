/** A redirect the transport must decide on: fetch was told not to follow it (`redirect: "manual"`). */
export function isRedirect(response: Response): boolean {
  return (
    response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304)
  );
}

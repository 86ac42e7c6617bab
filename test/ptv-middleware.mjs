// Placeholder; replaced by the PTV test middleware.
export function ptvTestMiddleware() {
  return (ctx, next) => next();
}

import type { NextFunction, Request, Response } from 'express';

/** Headers every answer carries; the API serves data, never pages to frame or scripts to run. */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  // Swagger UI needs its own scripts and styles; everything else is JSON or a download.
  if (!request.path.startsWith('/api/docs')) {
    response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; style-src 'unsafe-inline'");
    // Every answer is one caller's view of its area (incidents, reports, exports, refusals): no cache, shared or not, keeps it.
    response.setHeader('Cache-Control', 'no-store');
  }
  response.removeHeader('X-Powered-By');
  next();
}

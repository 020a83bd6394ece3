import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The embed route's paths: `/embed/<view>?…` (client/state/url-state.ts EMBEDDABLE). */
export const EMBED_PATH = /^\/embed(\/[^/]*)?\/?$/;

type CspOptions = { useDefaults: boolean; directives: Record<string, string[]> };

/**
 * The embed page (issue 20): the one document any site may put in an `<iframe>`. It gets the
 * dashboard's Content-Security-Policy with `frame-ancestors *` instead of `'none'`, no
 * X-Frame-Options, and a cross-origin Cross-Origin-Resource-Policy; every other page, asset and API answer keeps refusing to be framed.
 */
export function embedPage(clientDir: string, csp: CspOptions): RequestHandler {
  const directives = { ...csp.directives, frameAncestors: ['*'] };
  const framable = helmet.contentSecurityPolicy({ ...csp, directives });
  const file = path.join(clientDir, 'embed.html');
  return (req: Request, res: Response, next) => {
    framable(req, res, (error?: unknown) => {
      if (error) return next(error);
      res.removeHeader('X-Frame-Options');
      // A document another site embeds is a cross-origin resource to it (helmet's default is same-origin).
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.sendFile(file);
    });
  };
}

/** What a path pattern captured: each `:name` segment, decoded. */
export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches a pathname against a pattern such as `/c/:community/organizer`: literal segments must be
 * equal, each `:name` takes one non-empty segment (percent-decoded). A trailing slash is ignored;
 * query and fragment are not part of a pathname. Returns the params, or undefined for no match (also
 * for a segment that is not valid percent-encoding, which no screen could have linked to).
 */
export function matchPath(pattern: string, pathname: string): RouteParams | undefined {
  const want = segments(pattern);
  const have = segments(pathname);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = have[i] ?? '';
    if (part.startsWith(':')) {
      const value = decoded(segment);
      if (value === undefined || value === '') return undefined;
      params[part.slice(1)] = value;
    } else if (part !== segment) return undefined;
  }
  return params;
}

/** The first route (in table order) whose `path` matches, with its params. */
export function matchRoute<R extends { readonly path: string }>(
  routes: readonly R[],
  pathname: string,
): { readonly route: R; readonly params: RouteParams } | undefined {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

/** Fills a pattern's `:name` segments (percent-encoded): the href of a route. */
export function pathOf(pattern: string, params: RouteParams): string {
  return `/${segments(pattern)
    .map((part) => (part.startsWith(':') ? encodeURIComponent(params[part.slice(1)] ?? '') : part))
    .join('/')}`;
}

const segments = (path: string): string[] =>
  path.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1));

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

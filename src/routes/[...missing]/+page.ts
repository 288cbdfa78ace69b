// Any path the app does not know: served by the fallback page, never prerendered.
export const prerender = false;

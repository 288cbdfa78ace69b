import * as z from 'zod/mini';

// zod/mini: the same checks as classic zod with functions in place of methods, so a bundle holds
// only the checks it uses (the first visit of a screen stays small; issue 14). Messages are given
// per check as catalogue keys, so no locale is loaded.
// zod otherwise probes `new Function`, which the Content-Security-Policy forbids.
z.config({ jitless: true });

export { z };

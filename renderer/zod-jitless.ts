import { z } from 'zod';

/**
 * The page's CSP forbids eval. Zod compiles fast parsers with `new Function`
 * unless told not to, and even its probe for that is reported as a CSP
 * violation. Shared schemas are built as their modules load, so the entry
 * imports this module first.
 */
z.config({ jitless: true });

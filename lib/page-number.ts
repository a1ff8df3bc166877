import { z } from "zod";

/** A page number from the query string of a list split into pages; anything else is page 1. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

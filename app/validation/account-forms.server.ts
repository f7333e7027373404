/**
 * What the sign-in, forgotten-password and e-mail settings forms accept. Kept out of the route
 * modules: a zod schema built at a route module's top level stays in that route's browser bundle
 * (esbuild cannot know `z.object()` is pure) and brings zod with it — 90 kB gz on the sign-in
 * page, the first page every learner opens. `app/routes/no-zod-in-routes.test.ts` keeps it so.
 */
import { z } from "zod";

export const signInSchema = z.object({ email: z.string().max(254), password: z.string().max(200), ke: z.string().optional() });

export const forgotPasswordSchema = z.object({ email: z.string().trim().max(254) });

export const mailSettingsSchema = z.object({
  reminders: z.literal("ya").optional(),
  digestDay: z.coerce.number().int().min(1).max(7).optional(),
});

/** Strings of the admin pages (agencies, users, audit log); merged into the Indonesian dictionary. */
export const adminId = {} as const;

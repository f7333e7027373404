/** Longest reply the simulator accepts (shared by the form and the server check). */
export const MAX_REPLY_CHARS = 4000;

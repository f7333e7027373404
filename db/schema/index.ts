export * from "./agencies";
export * from "./users";

export * from "./agencies";
export * from "./users";
export * from "./content";
export * from "./exercises";
export * from "./certificates";
export * from "./credentials";
export * from "./evaluations";
export * from "./mail";

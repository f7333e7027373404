// Database wiring for test files; pure unit tests never touch it.
export {};

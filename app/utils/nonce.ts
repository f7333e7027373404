import { createContext, useContext } from "react";

/** CSP nonce for Remix's inline scripts; set on the server, empty in the browser. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);

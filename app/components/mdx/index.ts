import { Callout } from "./callout";
import { DoDont } from "./do-dont";
import { Example } from "./example";
import { Glossary } from "./glossary";
import { Quiz } from "./quiz";

/** The ONLY components lessons may use (content:check enforces the same list). */
export const mdxComponents = { Callout, DoDont, Example, Glossary, Quiz };

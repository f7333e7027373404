import { Callout } from "./callout";
import { DoDont } from "./do-dont";
import { Example } from "./example";
import { Glossary } from "./glossary";
import { LessonImage } from "./image";
import { Quiz } from "./quiz";

/**
 * The ONLY components lessons may use (content:check enforces the same list), and `img`: how a
 * Markdown image `![alt](media/x.png)` is drawn (lessons cannot write an <img> tag themselves).
 */
export const mdxComponents = { Callout, DoDont, Example, Glossary, Quiz, img: LessonImage };

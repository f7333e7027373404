import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { isUnavailableData, KeptForm } from "~/components/kept-form";
import { translator } from "~/i18n";
import styles from "~/styles/app.css";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { dictionaryFor, getLang, staffDictionaryFor } from "~/utils/i18n.server";
import { useLang, useT, type RootStrings } from "~/utils/i18n";
import { useNonce } from "~/utils/nonce";
import { handleLoader } from "~/utils/pipeline.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico" },
];

// The session lookup is the first query of nearly every page: an outage shows the 503 page.
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public" }, async ({ request }) => {
    const user = await getUser(request);
    const lang = getLang(request);
    return json({
      lang,
      english: dictionaryFor(lang),
      // Strings of the kelola/admin/studio pages: only for the roles that can open them.
      staff: staffDictionaryFor(lang, user?.role),
      user: user && { name: user.name, role: user.role, agencyName: user.agencyName },
    });
  });
}

export const meta: MetaFunction = () => [{ title: "Sigap" }];

type RootData = RootStrings & { user: Pick<SessionUser, "name" | "role" | "agencyName"> | null };

function Header({ user }: { user: RootData["user"] }) {
  const t = useT();
  const location = useLocation();
  const otherLang = useLang() === "id" ? "en" : "id";
  const manages = user?.role === "manager" || user?.role === "admin";
  const authors = user?.role === "instructor" || user?.role === "admin";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="bar">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")}>
          <ul className="nav-list">
            <li>
              <Link to="/">{t("nav.home")}</Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link to="/kursus">{t("nav.courses")}</Link>
                </li>
                <li>
                  <Link to="/saya/sertifikat">{t("nav.certificates")}</Link>
                </li>
                {manages ? (
                  <li>
                    <Link to="/kelola">{t("nav.manage")}</Link>
                  </li>
                ) : null}
                {authors ? (
                  <li>
                    <Link to="/studio">{t("nav.studio")}</Link>
                  </li>
                ) : null}
                {user.role === "admin" ? (
                  <li>
                    <Link to="/admin">{t("admin.nav")}</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/akun/kata-sandi">{t("nav.account")}</Link>
                </li>
                <li>
                  <Form method="post" action="/keluar">
                    <button type="submit" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link to="/sertifikat">{t("nav.verify")}</Link>
                </li>
                <li>
                  <Link to="/masuk">{t("nav.signIn")}</Link>
                </li>
              </>
            )}
            <li>
              <Form method="post" action="/bahasa">
                <input type="hidden" name="ke" value={location.pathname + location.search} />
                <input type="hidden" name="lang" value={otherLang} />
                <button type="submit" className="link-button" lang={otherLang}>
                  {t("lang.switch")}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const error = useRouteError();
  const nonce = useNonce();
  const unavailable = isRouteErrorResponse(error) && isUnavailableData(error.data) ? error.data : null;
  return (
    <html lang={data?.lang ?? unavailable?.lang ?? "id"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header user={data?.user ?? null} />
        <main id="main" className="container">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<RootData>("root");
  const t = translator(data?.lang ?? "id", data?.english, data?.staff);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Database outage: the root loader may not have run, so the server sent the words along.
  const unavailable = isRouteErrorResponse(error) && isUnavailableData(error.data) ? error.data : null;
  if (unavailable) {
    return (
      <section className="card error-page">
        <h1>{status}</h1>
        <p role="alert">{unavailable.messages.unavailable}</p>
        {unavailable.form ? <KeptForm form={unavailable.form} resubmit={unavailable.messages.resubmit} /> : null}
        <p>
          <Link to="/">{unavailable.messages.back}</Link>
        </p>
      </section>
    );
  }
  const key = status === 404 ? "error.notFound" : status === 403 ? "error.forbidden" : status === 503 ? "error.unavailableRetry" : "error.generic";
  return (
    <section className="card error-page">
      <h1>{status}</h1>
      <p>{t(key)}</p>
      <p>
        <Link to="/">{t("error.back")}</Link>
      </p>
    </section>
  );
}

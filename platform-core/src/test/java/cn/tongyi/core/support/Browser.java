package cn.tongyi.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real-browser tests (ADR 0015): the system's headless Chromium driven by Playwright against the application the
 * {@code @QuarkusTest} started. One browser for the whole test run; each {@link #loggedIn} opens a fresh,
 * phone-sized context (390×844) with its own cookies. A missing Chromium FAILS the test: {@code .ci/run} installs it.
 */
public final class Browser {

    public static final String CHROMIUM = System.getenv().getOrDefault("TONGYI_CHROMIUM", "/usr/bin/chromium");
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;
    private static String axeScript;

    private Browser() {
    }

    /** The application's address for a path of it, e.g. {@code url("/login")}. */
    public static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    /** A new phone-sized page with no session yet. */
    public static Page phone() {
        BrowserContext context = chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setLocale("zh-CN").setHasTouch(true));
        return context.newPage();
    }

    /** A phone-sized page logged in through the login form as {@code username}, on the page the login lands on. */
    public static Page loggedIn(String username, String password) {
        Page page = phone();
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        page.waitForLoadState();
        assertThat(page.url()).as("the login lands on a page of the app").doesNotContain("/login");
        return page;
    }

    public static Page loggedIn(String username) {
        return loggedIn(username, Api.PASSWORD);
    }

    /** Runs axe-core on the page: no serious or critical violation. */
    public static void assertNoSeriousAxeViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe()));
        Object violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' "
                + "+ v.nodes.map(n => n.target.join(' ')).join(', '))");
        assertThat((List<?>) violations).as("axe-core serious/critical violations on " + page.url()).isEmpty();
    }

    /**
     * Measures the elder mode (长辈版) in the browser: every visible text at least 24 px (18 pt) with line height at
     * least 1.3, text contrast at least 4.5:1 against its background, every link, button and field at least 60×60 px,
     * and the 长辈版 switch visible.
     */
    public static void assertElderMode(Page page) {
        assertThat(page.locator("body.elder").count()).as("elder mode is on").isEqualTo(1);
        assertThat(page.getByText("长辈版").first().isVisible()).as("a visible 长辈版 switch").isTrue();
        Object failures = page.evaluate(ELDER_MEASUREMENT);
        assertThat((List<?>) failures).as("elder-mode measurements on " + page.url()).isEmpty();
    }

    /** Saves the page as docs/screenshots/{name}.png (the whole page, at the context's viewport width). */
    public static void screenshot(Page page, String name) {
        Path file = screenshots().resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private static Path screenshots() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
        return root.resolve("docs").resolve("screenshots");
    }

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            if (!Files.isExecutable(Path.of(CHROMIUM))) {
                fail("No Chromium at " + CHROMIUM + ": browser tests need it (apt-get install -y chromium; .ci/run "
                        + "installs it), or set TONGYI_CHROMIUM");
            }
            playwright = Playwright.create();
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(CHROMIUM)).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return chromium;
    }

    private static synchronized String axe() {
        if (axeScript == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeScript;
    }

    private static final String ELDER_MEASUREMENT = """
            () => {
              const failures = [];
              const visible = el => {
                const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
              };
              const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
              const lum = ([r, g, b]) => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const background = el => {
                for (let e = el; e; e = e.parentElement) {
                  const c = rgb(getComputedStyle(e).backgroundColor);
                  if (c.length >= 3 && (c.length < 4 || c[3] > 0)) return c;
                }
                return [255, 255, 255];
              };
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
              for (const el of document.body.querySelectorAll('*')) {
                if (!visible(el)) continue;
                const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (ownText) {
                  const s = getComputedStyle(el);
                  const size = parseFloat(s.fontSize);
                  const line = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / size;
                  if (size < 24) failures.push(name(el) + ': font ' + size + 'px < 24px');
                  if (line < 1.295) failures.push(name(el) + ': line height ' + line.toFixed(2) + ' < 1.3');
                  const [l1, l2] = [lum(rgb(s.color)), lum(background(el))].sort((a, b) => b - a);
                  const ratio = (l1 + 0.05) / (l2 + 0.05);
                  if (ratio < 4.5) failures.push(name(el) + ': contrast ' + ratio.toFixed(2) + ' < 4.5');
                }
                if (el.matches('a[href], button, input:not([type=hidden]), select, textarea, [role=button]')) {
                  const r = el.getBoundingClientRect();
                  if (r.width < 60 || r.height < 60) {
                    failures.push(name(el) + ': target ' + Math.round(r.width) + 'x' + Math.round(r.height)
                      + ' < 60x60');
                  }
                }
              }
              return failures;
            }
            """;
}

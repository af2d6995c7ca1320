package jp.ikiiki.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Debian's headless Chromium driven by Playwright, for the browser tests: no browser download (the build installs
 * {@code chromium} with apt), screenshots in {@code target/screenshots/}.
 */
public final class Chromium implements AutoCloseable {

	public static final Path SHOTS = Paths.get("target", "screenshots");

	private final Playwright playwright;
	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	/** Starts the browser; fails with what to install when Chromium is missing. */
	public static Chromium launch() {
		Path chromium = Paths.get(System.getProperty("browser.executable", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			throw new IllegalStateException("Chromium not found at " + chromium + ": apt-get install chromium");
		}
		try {
			Files.createDirectories(SHOTS);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
		return new Chromium(playwright, browser);
	}

	/** A fresh browser context (cookies of its own) with a Japanese locale; close it after the test. */
	public BrowserContext context(int width, int height) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("ja-JP"));
	}

	/** Signs in through the login view and waits for the console to show the user (by display name; login name as attribute). */
	public static void signIn(Page page, int port, String username, String password) {
		page.navigate("http://localhost:" + port + "/login");
		page.locator("input[name='username']").fill(username);
		page.locator("input[name='password']").fill(password);
		page.locator("input[name='password']").press("Enter");
		assertThat(page.locator("[data-testid='current-user']")).hasAttribute("data-username", username);
	}

	/** Creates (or re-creates) a console user with one role. */
	public static void user(JdbcClient jdbc, PasswordEncoder encoder, String username, String displayName,
			String password, String role) {
		jdbc.sql("delete from app_user where username = :u").param("u", username).update();
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, :d, :h) returning id")
				.param("u", username).param("d", displayName).param("h", encoder.encode(password))
				.query(Long.class).single();
		jdbc.sql("insert into app_user_role values (:id, :role)").param("id", id).param("role", role).update();
	}

	/**
	 * Waits until the page's Vaadin client has nothing in flight: what was typed has reached the server. A file sent
	 * by an upload travels outside that channel and may otherwise arrive before the last keystrokes do.
	 */
	public static void settled(Page page) {
		page.waitForFunction("""
				() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
				  && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())""");
	}

	public static Path shot(String name) {
		return SHOTS.resolve(name);
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}

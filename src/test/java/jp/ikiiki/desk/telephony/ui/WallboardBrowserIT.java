package jp.ikiiki.desk.telephony.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The wallboard in headless Chromium against the built-in AMI simulator, connected through its socket as to
 * Asterisk: it shows the connection and the queue's members, and a call placed in the simulator appears — a line
 * in use, the answering member in a call — pushed to the browser without a reload. Screenshot in
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WallboardBrowserIT {

	static final Path SHOTS = Paths.get("target", "screenshots");
	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PasswordEncoder encoder;
	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;

	@BeforeAll
	static void launch() throws Exception {
		Path chromium = Paths.get(System.getProperty("browser.executable", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			throw new IllegalStateException("Chromium not found at " + chromium + ": apt-get install chromium");
		}
		Files.createDirectories(SHOTS);
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void a_call_in_the_simulator_appears_on_the_wallboard_without_a_reload() {
		jdbc.sql("delete from app_user where username = 'wall-fm'").update();
		long id = jdbc.sql("insert into app_user (username, display_name, password_hash) values ('wall-fm', '現場責任者', :h) returning id")
				.param("h", encoder.encode("wall-pass-1")).query(Long.class).single();
		jdbc.sql("insert into app_user_role values (:id, 'FLOOR_MANAGER')").param("id", id).update();
		// Whatever the day and hour of the test run (closed hours have 0 lines), give the queue lines until the
		// next half-day boundary, as a floor manager would.
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("wall-fm",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			lines.resizeNow(4, "test");
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("ja-JP"))) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			page.navigate("http://localhost:" + port + "/login");
			page.locator("input[name='username']").fill("wall-fm");
			page.locator("input[name='password']").fill("wall-pass-1");
			page.locator("input[name='password']").press("Enter");
			assertThat(page.locator("[data-testid='current-user']")).hasText("wall-fm");

			page.navigate("http://localhost:" + port + "/wallboard");
			assertThat(page.locator("#wallboard-connection")).hasText("電話システム接続中");
			assertThat(page.locator("#wallboard-lines .wallboard-value")).hasText("0 / 4");
			assertThat(page.locator("#wallboard-lines")).containsText("臨時変更中");
			Locator members = page.locator("#wallboard-members vaadin-grid-cell-content");
			assertThat(members.filter(new Locator.FilterOptions().setHasText("Agent 1")).first()).isVisible();

			// A patient caller who talks for a while (the simulator runs ten times faster than real time in tests).
			simulator.pbx().placeCall(new CallSpec("wallboard", "0820000000", "Caller", 1_000, 2, 300));
			var soon = new LocatorAssertions.HasTextOptions().setTimeout(3_000);
			assertThat(page.locator("#wallboard-lines .wallboard-value")).hasText("1 / 4", soon);
			assertThat(members.filter(new Locator.FilterOptions().setHasText("通話中")).first())
					.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3_000));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("40-wallboard.png")).setFullPage(true));
		}
	}
}

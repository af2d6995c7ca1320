package jp.ikiiki.desk.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The set-up every browser test shares: the application on a random port, one headless Chromium per test class,
 * and what tests need to create their users ({@link Chromium#user}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

	protected static Chromium chromium;

	@LocalServerPort
	protected int port;
	@Autowired
	protected JdbcClient jdbc;
	@Autowired
	protected PasswordEncoder encoder;

	@BeforeAll
	static void launchChromium() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void closeChromium() {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
	}
}

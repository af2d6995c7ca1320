package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripts the build runs before the tests, on a machine without the tools they provide: they never fail the
 * build, and say plainly what is missing, why it was not installed and how to install it. Run with a PATH that holds
 * none of the tools and a stand-in {@code id} (and {@code apt-get}), so nothing on this machine is changed.
 */
class TestToolScriptsTest {

	private static final Path SCRIPTS = Path.of("src", "test", "scripts");

	record Run(int exitCode, String output) {
	}

	@ParameterizedTest
	@ValueSource(strings = {"ensure-test-tools.sh", "ensure-promtool.sh", "ensure-postgresql.sh"})
	void without_root_nothing_is_installed_and_the_message_says_what_to_install(String script, @TempDir Path bin) throws Exception {
		fake(bin, "id", "echo 1000");
		fake(bin, "apt-get", "echo apt-get must not run >&2; exit 1");
		Run run = run(script, bin);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("SKIPPED").contains("not running as root (uid 1000)")
				.contains("sudo apt-get install").doesNotContain("apt-get must not run");
		if (script.equals("ensure-promtool.sh")) {
			assertThat(run.output()).contains("apt-get install prometheus");
		} else if (script.equals("ensure-postgresql.sh")) {
			assertThat(run.output()).contains("apt-get install postgresql").contains("skipped without it");
		} else {
			assertThat(run.output()).contains("chromium").contains("poppler-utils").contains("libreoffice-calc-nogui");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"ensure-test-tools.sh", "ensure-promtool.sh", "ensure-postgresql.sh"})
	void as_root_without_apt_get_the_message_says_so(String script, @TempDir Path bin) throws Exception {
		fake(bin, "id", "echo 0");
		Run run = run(script, bin);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("SKIPPED").contains("no apt-get on this machine");
	}

	@ParameterizedTest
	@ValueSource(strings = {"ensure-test-tools.sh", "ensure-promtool.sh", "ensure-postgresql.sh"})
	void as_root_when_apt_get_fails_the_build_goes_on_with_a_warning(String script, @TempDir Path bin) throws Exception {
		fake(bin, "id", "echo 0");
		fake(bin, "apt-get", "echo \"E: Unable to locate package $*\" >&2; exit 100");
		Run run = run(script, bin);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("Installing").contains("E: Unable to locate package")
				.contains("WARNING: apt-get could not install");
	}

	private static void fake(Path bin, String name, String body) throws IOException {
		Path file = bin.resolve(name);
		Files.writeString(file, "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/** bash with only {@code bin} on the PATH: none of the tools, no package manager unless faked. */
	private static Run run(String script, Path bin) throws Exception {
		var builder = new ProcessBuilder("/bin/bash", SCRIPTS.resolve(script).toString()).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().put("PATH", bin.toString());
		// ensure-postgresql.sh looks for servers there (none) instead of /usr/lib/postgresql.
		builder.environment().put("IKIIKI_TEST_PG_ROOT", bin.toString());
		Process p = builder.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Run(p.exitValue(), output);
	}
}

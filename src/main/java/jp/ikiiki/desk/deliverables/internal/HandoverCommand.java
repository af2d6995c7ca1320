package jp.ikiiki.desk.deliverables.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import jp.ikiiki.desk.deliverables.HandoverPackages;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The handover package from the command line (第9章1(4)): started with {@code --handover-package=<file or
 * directory>}, the application writes the package there once it has started (database migrated, configuration
 * bound) and stops with exit code 0 (1 if the file could not be written). An existing file is never overwritten.
 * The package is made as the application with the security administrator's role and recorded in the audit trail
 * with the channel 「コマンド」. Without the option this runner does nothing.
 */
@Component
class HandoverCommand implements ApplicationRunner {

	static final String OPTION = "handover-package";
	private static final Logger log = LoggerFactory.getLogger(HandoverCommand.class);

	private final HandoverPackages packages;
	private final ConfigurableApplicationContext context;

	HandoverCommand(HandoverPackages packages, ConfigurableApplicationContext context) {
		this.packages = packages;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		int code = 0;
		try {
			Path written = write(args.getOptionValues(OPTION));
			log.info("Handover package written to {}", written.toAbsolutePath());
		} catch (InvalidInputException e) {
			// the reason is the operator's: a path and what is wrong with it, no personal data
			log.error("Handover package not written: {}", e.getMessage());
			code = 1;
		}
		int exit = SpringApplication.exit(context, () -> 0);
		System.exit(code == 0 ? exit : code);
	}

	/** Builds the package and writes it to the file named, or into the directory named under its own name. */
	Path write(List<String> values) {
		String value = values == null || values.isEmpty() || values.get(0).isBlank() ? "." : values.get(0).strip();
		Path named = Path.of(value).toAbsolutePath().normalize();
		checkTarget(named); // before the package is built: a typing error costs nothing
		HandoverPackages.HandoverPackage pkg = CurrentUser.callAsSystem(() -> packages.build("コマンド --" + OPTION),
				"SECURITY_ADMIN");
		Path target = intoDirectory(named) ? named.resolve(pkg.fileName()) : named;
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new InvalidInputException(OPTION, "出力先のファイルが既にあります（上書きしません）: " + target);
		}
		try {
			Files.createDirectories(target.getParent()); // the directory named, when it is not there yet
		} catch (IOException e) {
			throw refused(target.getParent(), e);
		}
		try {
			Files.write(target, pkg.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		} catch (IOException e) {
			deletePartial(target, e);
			throw refused(target, e);
		}
		log.info("Handover package SHA-256 {} ({} bytes, {} entries)", pkg.sha256(), pkg.content().length,
				pkg.entries().size());
		return target;
	}

	/**
	 * True when the package goes into the directory named under its own name: an existing directory, or a path not
	 * there yet whose name does not end in {@code .zip} (made as a directory); a new {@code .zip} name is the file.
	 */
	static boolean intoDirectory(Path named) {
		if (Files.isDirectory(named)) {
			return true;
		}
		return !Files.exists(named, LinkOption.NOFOLLOW_LINKS)
				&& !named.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
	}

	/**
	 * Refuses a target that cannot be written: an existing file, a directory not writable, or a path whose nearest
	 * existing ancestor is not a writable directory (a file, or a read-only directory).
	 */
	static void checkTarget(Path target) {
		if (Files.isDirectory(target)) {
			if (!Files.isWritable(target)) {
				throw new InvalidInputException(OPTION, "出力先のディレクトリに書き込めません: " + target);
			}
			return;
		}
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new InvalidInputException(OPTION, "出力先のファイルが既にあります（上書きしません）: " + target);
		}
		Path ancestor = target.getParent();
		while (ancestor != null && !Files.exists(ancestor)) {
			ancestor = ancestor.getParent();
		}
		if (ancestor == null || !Files.isDirectory(ancestor)) {
			throw new InvalidInputException(OPTION, "出力先を作れません（" + ancestor + " はディレクトリではありません）: "
					+ target);
		}
		if (!Files.isWritable(ancestor)) {
			throw new InvalidInputException(OPTION, "出力先を作れません（" + ancestor + " に書き込めません）: " + target);
		}
	}

	private static InvalidInputException refused(Path path, IOException e) {
		String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
				: e.getClass().getSimpleName();
		return new InvalidInputException(OPTION, "出力先に書き込めません（" + reason + "）: " + path);
	}

	private static void deletePartial(Path target, IOException cause) {
		try {
			Files.deleteIfExists(target);
		} catch (IOException e) {
			cause.addSuppressed(e);
		}
	}
}

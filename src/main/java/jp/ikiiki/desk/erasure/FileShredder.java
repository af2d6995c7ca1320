package jp.ikiiki.desk.erasure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Overwrites files before unlinking them (第11章1(6): erased so that recovery software cannot bring them back, as far as
 * the filesystem allows: on a journalling or copy-on-write filesystem, or an SSD, old blocks may survive an overwrite,
 * which is why docs/operations.md asks for the volume to be encrypted or wiped as a whole at handover).
 *
 * <p>Each file is overwritten once with random bytes and once with zeros, forced to disk after each pass, truncated,
 * then deleted. Symbolic links are removed, never followed.
 */
public final class FileShredder {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final int BLOCK = 64 * 1024;

	private FileShredder() {
	}

	/** Regular files under a directory (recursively; 0 if it does not exist), optionally filtered by name. */
	public static long count(Path dir, Predicate<Path> which) {
		if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		var n = new AtomicLong();
		walk(dir, which, file -> n.incrementAndGet());
		return n.get();
	}

	/** Every regular file under a directory. */
	public static long count(Path dir) {
		return count(dir, p -> true);
	}

	/**
	 * Shreds every regular file under a directory that matches; directories stay (use it for a shared directory such
	 * as the temporary one, where other programs keep their own, possibly empty, directories).
	 *
	 * @return the number of files shredded
	 */
	public static long shredAll(Path dir, Predicate<Path> which) {
		if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		var n = new AtomicLong();
		walk(dir, which, file -> {
			shred(file);
			n.incrementAndGet();
		});
		return n.get();
	}

	/**
	 * Shreds every file under a directory the module owns alone, then removes the directories below it (the directory
	 * itself stays). Never for a shared directory.
	 *
	 * @return the number of files shredded
	 */
	public static long shredAll(Path dir) {
		long n = shredAll(dir, p -> true);
		if (n >= 0 && dir != null && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			removeEmptyDirectories(dir);
		}
		return n;
	}

	/**
	 * Shreds the regular files directly in a directory (not below it) that match; for the temporary directory.
	 *
	 * @return the number of files shredded
	 */
	public static long shredTopLevel(Path dir, Predicate<Path> which) {
		var files = topLevel(dir, which);
		files.forEach(FileShredder::shred);
		return files.size();
	}

	/** The regular files directly in a directory (not below it) that match. */
	public static java.util.List<Path> topLevel(Path dir, Predicate<Path> which) {
		if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			return java.util.List.of();
		}
		try (var entries = Files.list(dir)) {
			return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).filter(which).toList();
		} catch (IOException e) {
			throw new UncheckedIOException("a directory could not be read", e);
		}
	}

	/** Overwrites one file (random, then zeros, each forced to disk), truncates and deletes it. */
	public static void shred(Path file) {
		try {
			if (Files.isSymbolicLink(file)) {
				Files.deleteIfExists(file);
				return;
			}
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				return;
			}
			long size = Files.size(file);
			try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
				overwrite(ch, size, true);
				overwrite(ch, size, false);
				ch.truncate(0);
				ch.force(true);
			}
			Files.deleteIfExists(file);
		} catch (IOException e) {
			throw new UncheckedIOException("a file could not be shredded", e);
		}
	}

	private static void overwrite(FileChannel ch, long size, boolean random) throws IOException {
		byte[] block = new byte[BLOCK];
		ch.position(0);
		long left = size;
		while (left > 0) {
			int len = (int) Math.min(BLOCK, left);
			if (random) {
				RANDOM.nextBytes(block);
			} else {
				java.util.Arrays.fill(block, (byte) 0);
			}
			ByteBuffer buf = ByteBuffer.wrap(block, 0, len);
			while (buf.hasRemaining()) {
				ch.write(buf);
			}
			left -= len;
		}
		ch.force(true);
	}

	private interface FileAction {
		void on(Path file) throws IOException;
	}

	private static void walk(Path dir, Predicate<Path> which, FileAction action) {
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && which.test(file)) {
						action.on(file);
					}
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException("a directory could not be read", e);
		}
	}

	private static void removeEmptyDirectories(Path dir) {
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
					if (!d.equals(dir)) {
						try (var entries = Files.list(d)) {
							if (entries.findAny().isEmpty()) {
								Files.delete(d);
							}
						}
					}
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException("a directory could not be removed", e);
		}
	}
}

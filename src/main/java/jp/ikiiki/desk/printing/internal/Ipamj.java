package jp.ikiiki.desk.printing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * IPAmj Mincho (IPA Font License), installed on the server (Debian package {@code fonts-ipamj-mincho}, about 48 MB:
 * not bundled), the fallback for characters the bundled IPAex fonts (JIS X 0213) lack, such as 𠮷 (U+20BB7). Absent
 * when the file is not there: then such characters need the city's 外字 decision, as before. The file is read once,
 * read from the file as needed; {@link #parse()} gives a fresh font per thread (a parsed font is not shared between threads).
 */
public final class Ipamj {

	/** Where Debian's package puts it. */
	public static final Path DEBIAN_PATH = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

	private final Path path;

	/** @param path the font file; null: none */
	public Ipamj(Path path) {
		this.path = path;
	}

	/** The font at the Debian location, if installed. */
	public static Ipamj debian() {
		return new Ipamj(DEBIAN_PATH);
	}

	/** No fallback font. */
	public static Ipamj none() {
		return new Ipamj(null);
	}

	/** The configured path (for the start-up message). */
	public Path path() {
		return path;
	}

	/** True if the font file is there to be read. */
	public boolean available() {
		return path != null && Files.isReadable(path);
	}

	/**
	 * A newly parsed font, read from the file as needed (not held in memory: 48 MB); only when {@link #available()}.
	 * Close it when done with it.
	 */
	public TrueTypeFont parse() {
		try {
			return new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("IPAmj Mincho cannot be parsed", e);
		}
	}
}

package jp.ikiiki.desk.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Japanese fonts bundled with the application ({@code src/main/resources/fonts}, IPA Font License): the
 * only fonts print files and report PDFs use, since nothing can be downloaded at run time.
 *
 * <p>The font files are read from the class path once; {@link #parse(Face)} gives a fresh {@link TrueTypeFont}
 * from those bytes. Parse once per run (or per thread) and {@link #load(PDDocument, TrueTypeFont) load} it into
 * each document: loading a parsed font is about three times faster than loading the file each time. A parsed
 * font is not safe to share between threads that write documents at the same time.
 */
public final class JapaneseFonts {

	/** A bundled face. */
	public enum Face {
		/** IPAex Gothic: screens, reports, headings. */
		GOTHIC("fonts/ipaexg.ttf"),
		/** IPAex Mincho: names and addresses on printed forms. */
		MINCHO("fonts/ipaexm.ttf");

		private final String resource;

		Face(String resource) {
			this.resource = resource;
		}
	}

	private static final Map<Face, byte[]> BYTES = new EnumMap<>(Face.class);

	private JapaneseFonts() {
	}

	/** The font file's bytes (read once). */
	public static synchronized byte[] bytes(Face face) {
		return BYTES.computeIfAbsent(face, JapaneseFonts::read);
	}

	/** A newly parsed font of the face. */
	public static TrueTypeFont parse(Face face) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(bytes(face)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Bundled font " + face + " cannot be parsed", e);
		}
	}

	/** Loads a parsed font into a document, embedding only the glyphs the document uses. */
	public static PDType0Font load(PDDocument document, TrueTypeFont font) {
		try {
			return PDType0Font.load(document, font, true);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Font cannot be loaded into the document", e);
		}
	}

	private static byte[] read(Face face) {
		try (InputStream in = JapaneseFonts.class.getClassLoader().getResourceAsStream(face.resource)) {
			if (in == null) {
				throw new IllegalStateException("Bundled font missing from the class path: " + face.resource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Bundled font " + face.resource + " cannot be read", e);
		}
	}
}

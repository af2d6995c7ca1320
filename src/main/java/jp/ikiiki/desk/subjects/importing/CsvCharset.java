package jp.ikiiki.desk.subjects.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encodings the city's CSV files come in, and how one is told from the other: a UTF-8 byte-order mark
 * decides at once; otherwise the first 64 KB are decoded as strict UTF-8, and if that fails the file is
 * Windows-31J (Shift_JIS with the Microsoft extensions). Text that happens to be valid in both is almost
 * always plain ASCII, where the choice makes no difference.
 */
enum CsvCharset {
	UTF_8(StandardCharsets.UTF_8, "UTF-8"),
	UTF_8_BOM(StandardCharsets.UTF_8, "UTF-8 (BOM付き)"),
	WINDOWS_31J(Charset.forName("windows-31j"), "Windows-31J");

	static final int SNIFF_BYTES = 64 * 1024;
	private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

	private final Charset charset;
	private final String label;

	CsvCharset(Charset charset, String label) {
		this.charset = charset;
		this.label = label;
	}

	Charset charset() {
		return charset;
	}

	/** How the history and the report name it. */
	String label() {
		return label;
	}

	/** A decoder that reports malformed input instead of replacing it: nothing is silently turned into '?'. */
	CharsetDecoder strictDecoder() {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * Decides the encoding from the first bytes of a file.
	 *
	 * @param head   up to {@link #SNIFF_BYTES} (plus the 3 BOM bytes) from the start of the file
	 * @param length how many bytes of {@code head} are filled
	 * @param atEnd  whether {@code head} holds the whole file (a multi-byte character cut at the end of a
	 *               partial head is not an error)
	 */
	static CsvCharset detect(byte[] head, int length, boolean atEnd) {
		if (length >= 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
			return UTF_8_BOM;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(head, 0, Math.min(length, SNIFF_BYTES));
		CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
		CoderResult result = decoder.decode(in, out, atEnd && length <= SNIFF_BYTES);
		if (result.isError()) {
			return WINDOWS_31J;
		}
		if (atEnd && length <= SNIFF_BYTES) {
			result = decoder.flush(out);
			if (result.isError()) {
				return WINDOWS_31J;
			}
		}
		// Underflow with up to 3 bytes left means a character cut by the 64 KB boundary: still UTF-8.
		return UTF_8;
	}

	/** Reads as many bytes as are available into {@code buf}, up to its length; returns the count. */
	static int readFully(InputStream in, byte[] buf) throws IOException {
		int n = 0;
		while (n < buf.length) {
			int r = in.read(buf, n, buf.length - n);
			if (r < 0) {
				break;
			}
			n += r;
		}
		return n;
	}
}

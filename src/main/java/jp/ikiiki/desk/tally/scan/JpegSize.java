package jp.ikiiki.desk.tally.scan;

import java.io.IOException;
import java.io.InputStream;

/** The width and height a JPEG stream declares in its frame header (SOFn), read without decoding it. */
final class JpegSize {

	/** Markers are searched for within this many bytes (EXIF and ICC segments come before the frame header). */
	private static final int LIMIT = 1 << 20;

	private JpegSize() {
	}

	/** {width, height}, or null if no frame header is found (the decoder will then refuse it). */
	static int[] of(InputStream in) throws IOException {
		int read = 0;
		if (in.read() != 0xFF || in.read() != 0xD8) {
			return null;
		}
		read += 2;
		while (read < LIMIT) {
			int b = in.read();
			read++;
			if (b < 0) {
				return null;
			}
			if (b != 0xFF) {
				continue;
			}
			int marker;
			do {
				marker = in.read();
				read++;
			} while (marker == 0xFF);
			if (marker < 0) {
				return null;
			}
			if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				continue; // no length
			}
			int length = (in.read() << 8) | in.read();
			read += 2;
			if (length < 2) {
				return null;
			}
			boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (frame) {
				in.read(); // precision
				int height = (in.read() << 8) | in.read();
				int width = (in.read() << 8) | in.read();
				return new int[] { width, height };
			}
			long skip = length - 2;
			while (skip > 0) {
				long s = in.skip(skip);
				if (s <= 0) {
					if (in.read() < 0) {
						return null;
					}
					s = 1;
				}
				skip -= s;
				read += (int) s;
			}
		}
		return null;
	}
}

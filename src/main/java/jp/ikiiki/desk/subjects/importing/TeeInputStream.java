package jp.ikiiki.desk.subjects.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Passes a stream on and writes every byte read to a copy (the temporary file of an upload). */
final class TeeInputStream extends FilterInputStream {

	private final OutputStream copy;

	TeeInputStream(InputStream in, OutputStream copy) {
		super(in);
		this.copy = copy;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			copy.write(b);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			copy.write(b, off, n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// Skipped bytes must reach the copy too: read them.
		byte[] buffer = new byte[8192];
		long done = 0;
		while (done < n) {
			int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
			if (r < 0) {
				break;
			}
			done += r;
		}
		return done;
	}

	@Override
	public boolean markSupported() {
		return false;
	}
}

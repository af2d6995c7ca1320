package jp.ikiiki.desk.subjects.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Passes a stream on and refuses it the moment more than {@code max} bytes have been read, with the exception the
 * caller builds: an upload or an unpacked XLSX part is never read further than its limit.
 */
final class BoundedInputStream extends FilterInputStream {

	private final long max;
	private final LongFunction<? extends RuntimeException> refusal;
	private long count;

	/**
	 * @param refusal builds the exception thrown when the limit is passed, given the bytes read so far
	 */
	BoundedInputStream(InputStream in, long max, LongFunction<? extends RuntimeException> refusal) {
		super(in);
		this.max = max;
		this.refusal = refusal;
	}

	/** Bytes read so far. */
	long count() {
		return count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		counted(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long n) {
		count += n;
		if (count > max) {
			throw refusal.apply(count);
		}
	}
}

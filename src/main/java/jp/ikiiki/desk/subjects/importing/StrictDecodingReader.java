package jp.ikiiki.desk.subjects.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;

/**
 * Decodes bytes strictly and, unlike {@link java.io.InputStreamReader}, hands over every character decoded
 * before a malformed sequence and only then fails, so the CSV reader knows the exact line of the bad bytes.
 */
final class StrictDecodingReader extends Reader {

	private final InputStream in;
	private final CharsetDecoder decoder;
	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
	private boolean eof;
	private boolean flushed;
	private IOException error;

	StrictDecodingReader(InputStream in, CharsetDecoder decoder) {
		this.in = in;
		this.decoder = decoder;
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(cbuf, off, len);
		while (true) {
			if (error != null) {
				throw error;
			}
			CoderResult result = decoder.decode(bytes, out, eof);
			int produced = out.position() - off;
			if (result.isError()) {
				error = result.isMalformed() ? new MalformedInputException(result.length())
						: new UnmappableCharacterException(result.length());
				if (produced > 0) {
					return produced;
				}
				throw error;
			}
			if (produced > 0 && (result.isOverflow() || !out.hasRemaining())) {
				return produced;
			}
			if (result.isOverflow()) {
				return produced; // room for less than one character; the caller asks again
			}
			if (eof) {
				if (!flushed) {
					decoder.flush(out);
					flushed = true;
				}
				produced = out.position() - off;
				return produced > 0 ? produced : -1;
			}
			if (produced > 0) {
				return produced;
			}
			bytes.compact();
			int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
			if (n < 0) {
				eof = true;
			} else {
				bytes.position(bytes.position() + n);
			}
			bytes.flip();
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}

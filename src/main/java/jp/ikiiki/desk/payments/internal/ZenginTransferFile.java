package jp.ikiiki.desk.payments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.payments.ZenginText;

/**
 * The 全銀協 総合振込 file (種別コード 21, コード区分 0 = JIS X 0201): 120-byte records — one header (1), a data
 * record (2) per payment, a trailer (8) with the count and sum, an end record (9) — each followed by CR LF or by
 * nothing, as the bank takes it. Numbers right-aligned and zero-padded, text left-aligned and space-padded, names cut
 * to their field. Written and read back (the reader checks every record's length and kind, and the trailer against
 * the data).
 */
public final class ZenginTransferFile {

	static final int RECORD = 120;

	private ZenginTransferFile() {
	}

	/**
	 * 振込依頼人 and the paying account (header record).
	 *
	 * @param code        振込依頼人コード, up to 10 digits
	 * @param name        振込依頼人名 in 全銀 characters, up to 40
	 * @param transferDay 取組日 (振込指定日)
	 */
	public record Header(String code, String name, LocalDate transferDay, String bankCode, String bankName,
			String branchCode, String branchName, int accountType, String accountNumber) {
	}

	/**
	 * One transfer (data record).
	 *
	 * @param customerCode 顧客コード1, up to 10 characters (how a returned transfer is matched to the payment)
	 * @param transferKind 振込指定区分: 7 電信, 8 文書
	 */
	public record Data(String bankCode, String bankName, String branchCode, String branchName, int accountType,
			String accountNumber, String holder, long amountYen, String customerCode, char transferKind) {
	}

	/** A file read back. */
	public record Parsed(Header header, List<Data> data, int trailerCount, long trailerSumYen) {
	}

	static byte[] write(Header h, List<Data> data, boolean crlf) {
		var out = new ByteArrayOutputStream((data.size() + 3) * (RECORD + 2));
		try (var w = new Writer(out, h, crlf)) {
			for (Data d : data) {
				w.data(d);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * Writes a file record by record straight to its output: the header at once, a data record per {@link #data},
	 * the trailer (count and sum) and the end record at {@link #close}. Each record is filled in one reused 120-byte
	 * buffer (no text formatting or string per field).
	 */
	static final class Writer implements AutoCloseable {

		private final OutputStream out;
		private final boolean crlf;
		private final byte[] record = new byte[RECORD];
		private int at;
		private int count;
		private long sum;

		/** Writes the header record. */
		Writer(OutputStream out, Header h, boolean crlf) throws IOException {
			this.out = out;
			this.crlf = crlf;
			start('1');
			ascii("21");
			ascii("0");
			num(h.code(), 10);
			text(h.name(), 40);
			num(h.transferDay().getMonthValue(), 2);
			num(h.transferDay().getDayOfMonth(), 2);
			num(h.bankCode(), 4);
			text(h.bankName(), 15);
			num(h.branchCode(), 3);
			text(h.branchName(), 15);
			num(h.accountType(), 1);
			num(h.accountNumber(), 7);
			spaces(17);
			emit();
		}

		/** Writes one data record. */
		void data(Data d) throws IOException {
			data(d.bankCode(), d.bankName(), d.branchCode(), d.branchName(), d.accountType(), d.accountNumber(),
					d.holder(), d.amountYen(), d.customerCode(), d.transferKind());
		}

		/** Writes one data record (the fields of {@link Data}, without making one). */
		void data(String bankCode, String bankName, String branchCode, String branchName, int accountType,
				String accountNumber, String holder, long amountYen, String customerCode, char transferKind)
				throws IOException {
			if (amountYen <= 0 || amountYen > 9_999_999_999L) {
				throw new IllegalArgumentException("amount out of range");
			}
			start('2');
			num(bankCode, 4);
			text(bankName, 15);
			num(branchCode, 3);
			text(branchName, 15);
			spaces(4);
			num(accountType, 1);
			num(accountNumber, 7);
			text(holder, 30);
			num(amountYen, 10);
			ascii("0");
			text(customerCode, 10);
			spaces(10);
			text(String.valueOf(transferKind), 1);
			spaces(8);
			emit();
			count++;
			sum += amountYen;
		}

		/** Data records written so far. */
		int count() {
			return count;
		}

		/** Their sum in yen. */
		long sumYen() {
			return sum;
		}

		/** Writes the trailer and the end record; the output is flushed, not closed. */
		@Override
		public void close() throws IOException {
			if (count > 999_999 || sum > 999_999_999_999L) {
				throw new IllegalArgumentException("too many records or too large a sum for the trailer");
			}
			start('8');
			num(count, 6);
			num(sum, 12);
			spaces(101);
			emit();
			start('9');
			spaces(119);
			emit();
			out.flush();
		}

		private void start(char kind) {
			at = 0;
			record[at++] = (byte) kind;
		}

		private void ascii(String s) {
			for (int i = 0; i < s.length(); i++) {
				record[at++] = (byte) s.charAt(i);
			}
		}

		private void spaces(int n) {
			java.util.Arrays.fill(record, at, at + n, (byte) ' ');
			at += n;
		}

		private void num(String digits, int width) {
			String d = digits == null ? "" : digits;
			if (d.length() > width) {
				throw new IllegalArgumentException("not a " + width + "-digit number");
			}
			int pad = width - d.length();
			java.util.Arrays.fill(record, at, at + pad, (byte) '0');
			at += pad;
			for (int i = 0; i < d.length(); i++) {
				char c = d.charAt(i);
				if (c < '0' || c > '9') {
					throw new IllegalArgumentException("not a " + width + "-digit number");
				}
				record[at++] = (byte) c;
			}
		}

		private void num(long value, int width) {
			if (value < 0) {
				throw new IllegalArgumentException("not a " + width + "-digit number");
			}
			long v = value;
			for (int i = at + width - 1; i >= at; i--) {
				record[i] = (byte) ('0' + v % 10);
				v /= 10;
			}
			if (v != 0) {
				throw new IllegalArgumentException("not a " + width + "-digit number");
			}
			at += width;
		}

		private void text(String s, int width) {
			String t = ZenginText.cut(s == null ? "" : s, width);
			for (int i = 0; i < t.length(); i++) {
				record[at++] = ZenginText.jisX0201(t.charAt(i));
			}
			spaces(width - t.length());
		}

		private void emit() throws IOException {
			if (at != RECORD) {
				throw new IllegalStateException("record of " + at + " bytes");
			}
			out.write(record);
			if (crlf) {
				out.write('\r');
				out.write('\n');
			}
		}
	}

	/** Reads a file written by {@link #write} (or a bank's of the same format). */
	public static Parsed parse(byte[] bytes) {
		boolean crlf = bytes.length >= RECORD + 2 && bytes[RECORD] == '\r' && bytes[RECORD + 1] == '\n';
		int step = crlf ? RECORD + 2 : RECORD;
		if (bytes.length % step != 0) {
			throw new IllegalArgumentException("not whole records of " + RECORD + " bytes");
		}
		Header header = null;
		var data = new ArrayList<Data>();
		int count = -1;
		long sum = -1;
		boolean end = false;
		for (int off = 0; off < bytes.length; off += step) {
			if (end) {
				throw new IllegalArgumentException("a record after the end record");
			}
			if (crlf && (bytes[off + RECORD] != '\r' || bytes[off + RECORD + 1] != '\n')) {
				throw new IllegalArgumentException("record without CR LF at byte " + off);
			}
			String r = ZenginText.fromJisX0201(bytes, off, RECORD);
			switch (r.charAt(0)) {
				case '1' -> {
					if (!r.startsWith("1210")) {
						throw new IllegalArgumentException("not a 総合振込 header");
					}
					int mm = Integer.parseInt(r.substring(54, 56));
					int dd = Integer.parseInt(r.substring(56, 58));
					header = new Header(r.substring(4, 14), r.substring(14, 54).stripTrailing(),
							LocalDate.of(2000, mm, dd), r.substring(58, 62), r.substring(62, 77).stripTrailing(),
							r.substring(77, 80), r.substring(80, 95).stripTrailing(), r.charAt(95) - '0',
							r.substring(96, 103));
				}
				case '2' -> data.add(new Data(r.substring(1, 5), r.substring(5, 20).stripTrailing(), r.substring(20, 23),
						r.substring(23, 38).stripTrailing(), r.charAt(42) - '0', r.substring(43, 50),
						r.substring(50, 80).stripTrailing(), Long.parseLong(r.substring(80, 90)),
						r.substring(91, 101).stripTrailing(), r.charAt(111)));
				case '8' -> {
					count = Integer.parseInt(r.substring(1, 7));
					sum = Long.parseLong(r.substring(7, 19));
				}
				case '9' -> end = true;
				default -> throw new IllegalArgumentException("unknown record kind " + r.charAt(0));
			}
		}
		if (header == null || count < 0 || !end) {
			throw new IllegalArgumentException("header, trailer or end record missing");
		}
		return new Parsed(header, List.copyOf(data), count, sum);
	}
}

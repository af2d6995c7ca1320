package jp.ikiiki.desk.payments.internal;

import java.io.ByteArrayOutputStream;
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
		var r = new StringBuilder(RECORD);
		r.append('1').append("21").append('0').append(num(h.code(), 10)).append(text(h.name(), 40))
				.append(String.format("%02d%02d", h.transferDay().getMonthValue(), h.transferDay().getDayOfMonth()))
				.append(num(h.bankCode(), 4)).append(text(h.bankName(), 15)).append(num(h.branchCode(), 3))
				.append(text(h.branchName(), 15)).append(h.accountType()).append(num(h.accountNumber(), 7))
				.append(" ".repeat(17));
		emit(out, r, crlf);
		long sum = 0;
		for (Data d : data) {
			if (d.amountYen() <= 0 || d.amountYen() > 9_999_999_999L) {
				throw new IllegalArgumentException("amount out of range");
			}
			r.setLength(0);
			r.append('2').append(num(d.bankCode(), 4)).append(text(d.bankName(), 15)).append(num(d.branchCode(), 3))
					.append(text(d.branchName(), 15)).append(" ".repeat(4)).append(d.accountType())
					.append(num(d.accountNumber(), 7)).append(text(d.holder(), 30))
					.append(String.format("%010d", d.amountYen())).append('0').append(text(d.customerCode(), 10))
					.append(" ".repeat(10)).append(d.transferKind()).append(' ').append(" ".repeat(7));
			emit(out, r, crlf);
			sum += d.amountYen();
		}
		if (data.size() > 999_999 || sum > 999_999_999_999L) {
			throw new IllegalArgumentException("too many records or too large a sum for the trailer");
		}
		r.setLength(0);
		r.append('8').append(String.format("%06d", data.size())).append(String.format("%012d", sum))
				.append(" ".repeat(101));
		emit(out, r, crlf);
		r.setLength(0);
		r.append('9').append(" ".repeat(119));
		emit(out, r, crlf);
		return out.toByteArray();
	}

	private static void emit(ByteArrayOutputStream out, StringBuilder record, boolean crlf) {
		byte[] b = ZenginText.jisX0201(record.toString());
		if (b.length != RECORD) {
			throw new IllegalStateException("record of " + b.length + " bytes");
		}
		out.writeBytes(b);
		if (crlf) {
			out.write('\r');
			out.write('\n');
		}
	}

	private static String num(String digits, int width) {
		String d = digits == null ? "" : digits;
		if (!d.matches("[0-9]*") || d.length() > width) {
			throw new IllegalArgumentException("not a " + width + "-digit number");
		}
		return "0".repeat(width - d.length()) + d;
	}

	private static String text(String s, int width) {
		String t = ZenginText.cut(s == null ? "" : s, width);
		return t + " ".repeat(width - t.length());
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

package jp.ikiiki.desk.subjects.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import jp.ikiiki.desk.shared.TextNormalizer;

/**
 * The rows of an import streamed into the staging table {@code import_stage} with COPY (see {@link CopyText} for
 * the format): each valid row with its values, 外字 marks, typed columns, search bigrams and change-detection hash;
 * each rejected row with its 宛名番号 only, so that its subject is not ended. Closing ends the COPY.
 */
final class StageCopy implements AutoCloseable {

	/** Typed columns after the row's values and 外字 marks, in {@code import_stage} order (see {@link ImportStage}). */
	static final int TYPED_COLUMNS = 18;

	private final Writer writer;
	private final StringBuilder line = new StringBuilder(4096);
	private final int cityColumns;
	private final MessageDigest md5;

	/**
	 * @param out         the COPY stream (or any stream, in tests)
	 * @param cityColumns how many leading columns the city owns: only those enter the hash
	 */
	StageCopy(OutputStream out, int cityColumns) {
		this.cityColumns = cityColumns;
		try {
			this.md5 = MessageDigest.getInstance("MD5");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("MD5 is part of every Java runtime", e);
		}
		// A strict encoder: anything without a UTF-8 form fails instead of becoming '?'.
		this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()), 1 << 16);
	}

	/**
	 * A valid row.
	 *
	 * @param values every column's normalised value in 別紙 order (a text array, which is also how the record is
	 *               stored: element n is column n)
	 */
	void valid(long row, String addressNumber, Iterable<String> values, String gaijiJson, TypedColumns t) {
		line.setLength(0);
		line.append(row).append('\t');
		CopyText.field(line, addressNumber).append("\tt\t");
		CopyText.array(line, values).append('\t');
		CopyText.field(line, gaijiJson);
		for (String v : new String[] {t.nameKana(), t.nameKanaKey(), t.nameKanji(), t.nameKanjiKey(), t.aliasKanji(),
				t.sex(), t.birthDate(), t.wardCode(), t.postalCode(), t.address(), t.addressExtra(), t.mailPostalCode(),
				t.mailAddress(), t.mailAddressExtra(), t.addressKey(), t.careLevel(), t.ticketType(),
				t.managementNumber()}) {
			line.append('\t');
			CopyText.field(line, v);
		}
		// The search bigrams (V8) are computed here: far cheaper than in the database's trigger.
		line.append('\t');
		CopyText.array(line, TextNormalizer.bigrams(t.nameKanjiKey()));
		line.append('\t');
		CopyText.array(line, TextNormalizer.bigrams(t.addressKey()));
		line.append('\t');
		CopyText.bytea(line, hash(values));
		write();
	}

	/** A rejected row: only its 宛名番号, so that its subject is not ended. */
	void rejected(long row, String addressNumber) {
		line.setLength(0);
		line.append(row).append('\t');
		CopyText.field(line, addressNumber).append("\tf\t\\N\t\\N");
		for (int i = 0; i < TYPED_COLUMNS + 3; i++) {
			line.append("\t\\N");
		}
		write();
	}

	/**
	 * The change-detection hash of V7: MD5 of the city-owned values (the leading columns) joined with U+001F,
	 * in UTF-8. Computed here rather than in the database, where it cost about 1.8 s per 190,000 rows.
	 */
	byte[] hash(Iterable<String> values) {
		var joined = new StringBuilder(512);
		int i = 0;
		for (String v : values) {
			if (i == cityColumns) {
				break;
			}
			if (i++ > 0) {
				joined.append('\u001f');
			}
			joined.append(v);
		}
		return md5.digest(joined.toString().getBytes(StandardCharsets.UTF_8));
	}

	private void write() {
		line.append('\n');
		try {
			writer.append(line);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			writer.close(); // ends the COPY
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

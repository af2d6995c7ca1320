package jp.ikiiki.desk.subjects.importing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the city's CSV files: fields separated by commas, records by CRLF, LF or CR;
 * fields in double quotes may hold commas, line breaks and doubled quotes. Streams: one record in memory at
 * a time. A record's row number is the physical line it starts on (header = 1), so a value with embedded
 * line breaks moves the numbers of the records after it, exactly as a text editor shows them.
 * <p>
 * Lenient where Excel is (a quote inside an unquoted field is kept as text; text after a closing quote is
 * appended), strict where data would be lost: an unterminated quote and bytes that are not valid in the
 * detected encoding stop the reading with an {@link UnreadableFileException}.
 * <p>
 * Hostile sizes are refused while streaming, before they are held in memory: a record longer than
 * {@link ReadLimits#maxLineLength()} characters, a field longer than {@link ReadLimits#maxCellLength()} and a record
 * of more than {@link ReadLimits#maxColumns()} fields stop the reading with a {@link LimitExceededException} the
 * moment the limit is passed.
 */
final class CsvReader {

	private enum State {
		FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED
	}

	private CsvReader() {
	}

	/**
	 * Detects the encoding and reads every record.
	 *
	 * @return the encoding that was used
	 * @throws UnreadableFileException if the file cannot be read on; records before the failure were handed over
	 */
	static CsvCharset read(InputStream in, ReadLimits limits, RowHandler handler) {
		CsvCharset charset;
		InputStream body;
		try {
			byte[] head = new byte[CsvCharset.SNIFF_BYTES + 3];
			int n = CsvCharset.readFully(in, head);
			charset = CsvCharset.detect(head, n, n < head.length);
			int skip = charset == CsvCharset.UTF_8_BOM ? 3 : 0;
			// SequenceInputStream closes each stream it has finished; the caller's stream stays open.
			InputStream rest = new FilterInputStream(in) {
				@Override
				public void close() {
				}
			};
			body = new SequenceInputStream(new ByteArrayInputStream(head, skip, n - skip), rest);
		} catch (IOException e) {
			throw new UnreadableFileException(1, "ファイルを読み込めませんでした。", e);
		}
		parse(new StrictDecodingReader(body, charset.strictDecoder()), charset, limits, handler);
		return charset;
	}

	/** Parses already-decoded text (visible for tests). */
	static void parse(Reader reader, CsvCharset charset, ReadLimits limits, RowHandler handler) {
		char[] buf = new char[16 * 1024];
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		State state = State.FIELD_START;
		long line = 1;
		long recordStart = 1;
		boolean recordOpen = false;
		boolean previousWasCr = false;
		int recordLength = 0;
		try {
			int n;
			while ((n = reader.read(buf)) >= 0) {
				for (int i = 0; i < n; i++) {
					char ch = buf[i];
					if (ch == '\n' && previousWasCr) {
						previousWasCr = false; // second half of CRLF, handled with the CR
						continue;
					}
					previousWasCr = ch == '\r';
					boolean newline = ch == '\r' || ch == '\n';
					if (++recordLength > limits.maxLineLength()) {
						throw state == State.QUOTED && line > recordStart ? limits.unclosedQuote(recordStart)
								: limits.lineTooLong(recordStart);
					}
					switch (state) {
						case QUOTED -> {
							if (ch == '"') {
								state = State.QUOTE_IN_QUOTED;
							} else if (newline) {
								field.append('\n');
								line++;
							} else {
								field.append(ch);
							}
						}
						case QUOTE_IN_QUOTED -> {
							if (ch == '"') {
								field.append('"');
								state = State.QUOTED;
							} else if (ch == ',') {
								addField(fields, field, limits, recordStart);
								state = State.FIELD_START;
							} else if (newline) {
								addField(fields, field, limits, recordStart);
								handler.row(new SourceRow(recordStart, List.copyOf(fields)));
								fields.clear();
								recordOpen = false;
								line++;
								recordStart = line;
								recordLength = 0;
								state = State.FIELD_START;
							} else {
								field.append(ch);
								state = State.UNQUOTED;
							}
						}
						case FIELD_START, UNQUOTED -> {
							if (ch == ',') {
								addField(fields, field, limits, recordStart);
								recordOpen = true;
								state = State.FIELD_START;
							} else if (newline) {
								addField(fields, field, limits, recordStart);
								handler.row(new SourceRow(recordStart, List.copyOf(fields)));
								fields.clear();
								recordOpen = false;
								line++;
								recordStart = line;
								recordLength = 0;
								state = State.FIELD_START;
							} else if (ch == '"' && state == State.FIELD_START) {
								recordOpen = true;
								state = State.QUOTED;
							} else {
								field.append(ch);
								recordOpen = true;
								state = State.UNQUOTED;
							}
						}
					}
					if (field.length() > limits.maxCellLength()) {
						throw state == State.QUOTED && line > recordStart ? limits.unclosedQuote(recordStart)
								: limits.cellTooLong(recordStart, fields.size() + 1);
					}
				}
			}
		} catch (CharacterCodingException e) {
			throw new UnreadableFileException(line, line + "行目に、文字コード " + charset.label()
					+ " として読めないバイトがあります。ファイルの文字コードを確認してください（取込は中止しました）。", e);
		} catch (IOException e) {
			throw new UnreadableFileException(line, "ファイルを読み込めませんでした（" + line + "行目付近）。", e);
		}
		if (state == State.QUOTED) {
			throw new UnreadableFileException(recordStart, recordStart
					+ "行目から始まる項目の引用符（\"）が閉じられていません。ファイルの終わりまで一つの項目になっています。");
		}
		if (recordOpen || state == State.QUOTE_IN_QUOTED) {
			addField(fields, field, limits, recordStart);
			handler.row(new SourceRow(recordStart, List.copyOf(fields)));
		}
	}

	private static void addField(List<String> fields, StringBuilder field, ReadLimits limits, long recordStart) {
		if (fields.size() >= limits.maxColumns()) {
			throw limits.tooManyColumns(recordStart);
		}
		fields.add(field.toString());
		field.setLength(0);
	}
}

package jp.ikiiki.desk.subjects.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * Test-side reading of generated files: a plain CSV parser, a date reader for the forms the city uses, the
 * bundled reference tables, and an independent checker of every cell. Deliberately written apart from the
 * generator so the tests can catch its mistakes.
 */
final class GeneratedFiles {

	private GeneratedFiles() {
	}

	static byte[] generate(GeneratorOptions options) {
		try {
			var out = new ByteArrayOutputStream();
			new SubjectGenerator(options).write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Strict decoding: a byte sequence that is not valid in the charset is an error. */
	static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
	}

	/** Rows of a CSV text (header first), with quotes handled; a leading BOM is dropped. */
	static List<List<String>> parseCsv(String text) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		var rows = new ArrayList<List<String>>();
		var row = new ArrayList<String>();
		var cell = new StringBuilder();
		boolean quoted = false;
		for (int k = 0; k < text.length(); k++) {
			char c = text.charAt(k);
			if (quoted) {
				if (c == '"' && k + 1 < text.length() && text.charAt(k + 1) == '"') {
					cell.append('"');
					k++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && k + 1 < text.length() && text.charAt(k + 1) == '\n') {
				// the \n ends the line
			}
			else if (c == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	/** A data row as header → value. */
	static Map<String, String> record(List<String> header, List<String> row) {
		var map = new LinkedHashMap<String, String>();
		for (int k = 0; k < header.size(); k++) {
			map.put(header.get(k), k < row.size() ? row.get(k) : "");
		}
		return map;
	}

	// ------------------------------------------------------------------ dates

	private static final Pattern SLASH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
	private static final Pattern WESTERN_KANJI = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
	private static final Pattern ERA_SHORT = Pattern.compile("([MTSHR])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,2})");
	private static final Pattern ERA_KANJI = Pattern.compile("(明治|大正|昭和|平成|令和)(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日");
	private static final Map<String, LocalDate[]> ERAS = new HashMap<>();

	static {
		LocalDate[] m = { LocalDate.of(1868, 10, 23), LocalDate.of(1912, 7, 29) };
		LocalDate[] t = { LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24) };
		LocalDate[] s = { LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7) };
		LocalDate[] h = { LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30) };
		LocalDate[] r = { LocalDate.of(2019, 5, 1), LocalDate.of(9999, 12, 31) };
		ERAS.put("M", m);
		ERAS.put("明治", m);
		ERAS.put("T", t);
		ERAS.put("大正", t);
		ERAS.put("S", s);
		ERAS.put("昭和", s);
		ERAS.put("H", h);
		ERAS.put("平成", h);
		ERAS.put("R", r);
		ERAS.put("令和", r);
	}

	/** The date a cell holds; an exception if it is not one. */
	static LocalDate parseDate(String s) {
		Matcher x;
		if ((x = SLASH.matcher(s)).matches() || (x = COMPACT.matcher(s)).matches() || (x = ISO.matcher(s)).matches()
				|| (x = WESTERN_KANJI.matcher(s)).matches()) {
			return LocalDate.of(Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2)), Integer.parseInt(x.group(3)));
		}
		if ((x = ERA_SHORT.matcher(s)).matches() || (x = ERA_KANJI.matcher(s)).matches()) {
			LocalDate[] era = ERAS.get(x.group(1));
			int year = x.group(2).equals("元") ? 1 : Integer.parseInt(x.group(2));
			LocalDate d = LocalDate.of(era[0].getYear() + year - 1, Integer.parseInt(x.group(3)), Integer.parseInt(x.group(4)));
			if (d.isBefore(era[0]) || d.isAfter(era[1])) {
				throw new DateTimeException("outside era " + x.group(1) + ": " + s);
			}
			return d;
		}
		throw new DateTimeException("not a date: " + s);
	}

	// ------------------------------------------------------------------ reference tables

	record Postcode(String code, int wardCode, String wardName, String town) {
	}

	record Name(String kanji, String kana, String sex) {
	}

	static List<String[]> table(String file) {
		try (InputStream in = GeneratedFiles.class.getClassLoader().getResourceAsStream("subjects/demo/" + file)) {
			var rows = new ArrayList<String[]>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(line.split("\t", -1));
				}
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Postcode> postcodes() {
		return table("hiroshima-postcodes.tsv").stream().skip(1)
				.map(f -> new Postcode(f[0], Integer.parseInt(f[1]), f[2], f[3])).toList();
	}

	static List<Name> surnames() {
		var all = new ArrayList<Name>();
		table("surnames.tsv").forEach(f -> all.add(new Name(f[0], f[1], "")));
		table("gaiji-surnames.tsv").forEach(f -> all.add(new Name(f[0], f[1], "")));
		return all;
	}

	static List<Name> givenNames() {
		return table("given-names.tsv").stream().map(f -> new Name(f[0], f[1], f[2])).toList();
	}

	// ------------------------------------------------------------------ 外字

	/**
	 * The characters of {@code s} that need 外字 review: outside JIS X 0208 ∪ ASCII ∪ half-width kana after mapping
	 * the Windows variants back, plus the placeholders ・ ■ 〓.
	 */
	static String flagged(String s) {
		var encoder = Charset.forName("x-JIS0208").newEncoder();
		var sb = new StringBuilder();
		s.codePoints().forEach(cp -> {
			int mapped = switch (cp) {
				case 0xFF5E -> 0x301C;
				case 0xFF0D -> 0x2212;
				case 0x2225 -> 0x2016;
				case 0xFFE0 -> 0xA2;
				case 0xFFE1 -> 0xA3;
				case 0xFFE2 -> 0xAC;
				default -> cp;
			};
			boolean ok;
			if (mapped == '・' || mapped == '■' || mapped == '〓') {
				ok = false;
			}
			else if (mapped < 0x80 || (mapped >= 0xFF61 && mapped <= 0xFF9F)) {
				ok = true;
			}
			else {
				ok = encoder.canEncode(new String(Character.toChars(mapped)));
			}
			if (!ok) {
				sb.appendCodePoint(cp);
			}
		});
		return sb.toString();
	}

	// ------------------------------------------------------------------ independent cell checks

	static final Set<String> CARE_LEVELS = Set.of("要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4",
			"要介護5", "事業対象者", "非該当");
	static final Set<String> TICKET_TYPES = Set.of("タクシー券", "バス・電車券", "交通系ICカード", "自家用車燃料券");

	/** A cell the checker found wrong. */
	record Found(long row, String column) {
	}

	/** Every error in the data rows, found without the generator's help (row = line number, header = 1). */
	static List<Found> errors(SubjectFileKind kind, List<List<String>> rows) {
		var found = new ArrayList<Found>();
		var header = rows.get(0);
		var seen = new HashMap<String, Long>();
		for (int i = 1; i < rows.size(); i++) {
			long line = i + 1L;
			var rec = record(header, rows.get(i));
			for (Column c : kind.columns()) {
				String v = rec.get(c.header());
				if (v.isEmpty()) {
					if (c.required()) {
						found.add(new Found(line, c.header()));
					}
					continue;
				}
				boolean ok = switch (c.type()) {
					case ADDRESS_NUMBER -> v.matches("\\d{1,20}") && seen.putIfAbsent(v, line) == null;
					case KANA -> isKana(v);
					case DATE -> isDate(v);
					case POSTAL_CODE -> v.matches("\\d{3}-?\\d{4}");
					case WARD_CODE -> v.matches("(34)?10[1-8]");
					case SEX -> Set.of("1", "2", "男", "女").contains(v);
					case CARE_LEVEL -> CARE_LEVELS.contains(v);
					case TICKET_TYPE -> TICKET_TYPES.contains(v);
					case FLAG -> v.equals("0") || v.equals("1");
					case INTEGER, DIGITS -> v.matches("\\d+");
					case MANAGEMENT_NUMBER -> v.matches("[0-9A-Za-z]+");
					case TEXT -> true;
				};
				if (!ok) {
					found.add(new Found(line, c.header()));
				}
			}
		}
		return found;
	}

	static boolean isKana(String v) {
		return v.codePoints().allMatch(cp -> (cp >= 0x30A1 && cp <= 0x30FC) || (cp >= 0xFF66 && cp <= 0xFF9F)
				|| cp == ' ' || cp == 0x3000);
	}

	static boolean isDate(String v) {
		try {
			parseDate(v);
			return true;
		}
		catch (DateTimeException e) {
			return false;
		}
	}

	/** Katakana reading in one form: NFKC (half-width to full-width, ｶﾞ to ガ), no spaces. */
	static String kanaKey(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]", "");
	}
}

package jp.ikiiki.desk.payments.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import jp.ikiiki.desk.payments.ZenginText;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * The zengin-code data (npm package {@code zengin-code}, MIT): every bank with its branches, names in 漢字 and
 * full-width katakana. Reads the npm package as published ({@code zengin-code-<version>.tgz}), its
 * {@code lib/zengin-data.js} ({@code module.exports = {...}}) and the same object as JSON, each also gzipped (the
 * application bundles the JSON gzipped). The package's version carries the data date ({@code 1.0.0-p20260824} →
 * 2026-08-24).
 */
final class ZenginData {

	static final long MAX_BYTES = 64L << 20;
	private static final int MAX_BANKS = 5_000;
	private static final int MAX_BRANCHES = 200_000;
	private static final Pattern VERSION_DATE = Pattern.compile("p(\\d{4})(\\d{2})(\\d{2})");

	private ZenginData() {
	}

	/** One bank with its branches. */
	record BankRow(String code, String name, String kana, List<BranchRow> branches) {
	}

	/** One branch. */
	record BranchRow(String code, String name, String kana) {
	}

	/**
	 * The data of one file.
	 *
	 * @param version  the package's version if known, else null
	 * @param dataDate the date of the data
	 * @param banks    in code order as the file holds them
	 */
	record Master(String version, LocalDate dataDate, List<BankRow> banks) {

		int branchCount() {
			return banks.stream().mapToInt(b -> b.branches().size()).sum();
		}
	}

	/**
	 * Reads a file as named.
	 *
	 * @param dataDate the date when the file does not carry one; may be null
	 * @throws InvalidInputException naming what is wrong
	 */
	static Master read(String fileName, InputStream in, LocalDate dataDate) throws IOException {
		byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException("file", "ファイルが大きすぎます（上限 " + (MAX_BYTES >> 20) + " MB）");
		}
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".gz") && !name.endsWith(".tar.gz")) {
			try {
				bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readNBytes((int) MAX_BYTES + 1);
			} catch (java.util.zip.ZipException | java.io.EOFException e) {
				throw new InvalidInputException("file", "gzip ファイルとして読めません");
			}
			if (bytes.length > MAX_BYTES) {
				throw new InvalidInputException("file", "ファイルが大きすぎます（上限 " + (MAX_BYTES >> 20) + " MB）");
			}
		}
		if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
			return readPackage(bytes, dataDate);
		}
		if (dataDate == null) {
			throw new InvalidInputException("dataDate", "データの日付を入力してください（npm パッケージ .tgz なら不要です）");
		}
		return new Master(null, dataDate, readJson(bytes));
	}

	private static Master readPackage(byte[] tgz, LocalDate given) throws IOException {
		byte[] data = null;
		String version = null;
		try (var tar = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
			byte[] header = new byte[512];
			while (tar.readNBytes(header, 0, 512) == 512) {
				String entry = cString(header, 0, 100);
				if (entry.isEmpty()) {
					break;
				}
				String prefix = cString(header, 345, 155);
				if (!prefix.isEmpty()) {
					entry = prefix + "/" + entry;
				}
				long size = Long.parseLong(cString(header, 124, 12).trim().isEmpty() ? "0" : cString(header, 124, 12).trim(), 8);
				if (size < 0 || size > MAX_BYTES) {
					throw new InvalidInputException("file", "パッケージの中のファイルが大きすぎます");
				}
				byte[] content = tar.readNBytes((int) size);
				tar.skipNBytes((512 - size % 512) % 512);
				if (entry.endsWith("lib/zengin-data.js")) {
					data = content;
				} else if (entry.endsWith("package.json")) {
					Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
							.matcher(new String(content, StandardCharsets.UTF_8));
					if (m.find()) {
						version = m.group(1);
					}
				}
			}
		} catch (java.util.zip.ZipException | NumberFormatException | java.io.EOFException e) {
			throw new InvalidInputException("file", "npm パッケージ（.tgz）として読めません");
		}
		if (data == null) {
			throw new InvalidInputException("file", "パッケージに lib/zengin-data.js がありません（zengin-code のパッケージではありません）");
		}
		LocalDate date = given != null ? given : dateOf(version);
		if (date == null) {
			throw new InvalidInputException("dataDate", "パッケージの版 " + version + " から日付が分かりません。データの日付を入力してください");
		}
		return new Master(version, date, readJson(data));
	}

	/** 2026-08-24 of a version such as {@code 1.0.0-p20260824}; null if it holds no date. */
	static LocalDate dateOf(String version) {
		if (version == null) {
			return null;
		}
		Matcher m = VERSION_DATE.matcher(version);
		if (!m.find()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		} catch (java.time.DateTimeException e) {
			return null;
		}
	}

	private static String cString(byte[] b, int offset, int length) {
		int end = offset;
		while (end < offset + length && b[end] != 0) {
			end++;
		}
		return new String(b, offset, end - offset, StandardCharsets.US_ASCII);
	}

	/** The object of {@code zengin-data.js} (everything from the first { to the last }) or of a JSON file. */
	private static List<BankRow> readJson(byte[] bytes) throws IOException {
		int start = indexOf(bytes, (byte) '{', true);
		int end = indexOf(bytes, (byte) '}', false);
		if (start < 0 || end < start) {
			throw new InvalidInputException("file", "zengin-code のデータ（JSON）がありません");
		}
		var banks = new ArrayList<BankRow>();
		int branches = 0;
		try (JsonParser p = new JsonFactory().createParser(bytes, start, end - start + 1)) {
			expect(p.nextToken(), JsonToken.START_OBJECT);
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				String key = p.currentName();
				expect(p.nextToken(), JsonToken.START_OBJECT);
				String code = null;
				String name = null;
				String kana = null;
				List<BranchRow> rows = new ArrayList<>();
				while (p.nextToken() == JsonToken.FIELD_NAME) {
					String field = p.currentName();
					JsonToken t = p.nextToken();
					switch (field) {
						case "code" -> code = p.getValueAsString();
						case "name" -> name = p.getValueAsString();
						case "kana" -> kana = p.getValueAsString();
						case "branches" -> {
							expect(t, JsonToken.START_OBJECT);
							while (p.nextToken() == JsonToken.FIELD_NAME) {
								expect(p.nextToken(), JsonToken.START_OBJECT);
								String bc = null;
								String bn = null;
								String bk = null;
								while (p.nextToken() == JsonToken.FIELD_NAME) {
									String f = p.currentName();
									p.nextToken();
									switch (f) {
										case "code" -> bc = p.getValueAsString();
										case "name" -> bn = p.getValueAsString();
										case "kana" -> bk = p.getValueAsString();
										default -> p.skipChildren();
									}
								}
								rows.add(branch(key, bc, bn, bk));
								if (++branches > MAX_BRANCHES) {
									throw new InvalidInputException("file", "店舗が多すぎます（" + MAX_BRANCHES + " 件まで）");
								}
							}
						}
						default -> p.skipChildren();
					}
				}
				banks.add(bank(key, code, name, kana, rows));
				if (banks.size() > MAX_BANKS) {
					throw new InvalidInputException("file", "金融機関が多すぎます（" + MAX_BANKS + " 件まで）");
				}
			}
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new InvalidInputException("file", "zengin-code のデータとして読めません（" + e.getLocation().getLineNr()
					+ " 行目付近）");
		}
		if (banks.isEmpty()) {
			throw new InvalidInputException("file", "金融機関が1件もありません");
		}
		return banks;
	}

	private static void expect(JsonToken t, JsonToken expected) {
		if (t != expected) {
			throw new InvalidInputException("file", "zengin-code のデータの形式ではありません");
		}
	}

	private static int indexOf(byte[] b, byte c, boolean first) {
		if (first) {
			for (int i = 0; i < b.length; i++) {
				if (b[i] == c) {
					return i;
				}
			}
		} else {
			for (int i = b.length - 1; i >= 0; i--) {
				if (b[i] == c) {
					return i;
				}
			}
		}
		return -1;
	}

	private static BankRow bank(String key, String code, String name, String kana, List<BranchRow> branches) {
		String c = code == null ? key : code;
		if (c == null || !c.matches("[0-9]{4}") || !c.equals(key)) {
			throw new InvalidInputException("file", "金融機関コード " + key + " が4桁の数字ではありません");
		}
		checkNames("金融機関 " + c, name, kana);
		Set<String> seen = new HashSet<>();
		for (BranchRow r : branches) {
			if (!seen.add(r.code())) {
				throw new InvalidInputException("file", "金融機関 " + c + " の店舗コード " + r.code() + " が重複しています");
			}
		}
		return new BankRow(c, name.strip(), kana.strip(), List.copyOf(branches));
	}

	private static BranchRow branch(String bank, String code, String name, String kana) {
		if (code == null || !code.matches("[0-9]{3}")) {
			throw new InvalidInputException("file", "金融機関 " + bank + " の店舗コード " + code + " が3桁の数字ではありません");
		}
		checkNames("店舗 " + bank + "-" + code, name, kana);
		return new BranchRow(code, name.strip(), kana.strip());
	}

	private static void checkNames(String what, String name, String kana) {
		if (name == null || name.isBlank() || kana == null || kana.isBlank()) {
			throw new InvalidInputException("file", what + " に名前またはカナがありません");
		}
		try {
			ZenginText.convertLenient("カナ", kana);
		} catch (InvalidInputException e) {
			throw new InvalidInputException("file", what + " のカナ「" + kana + "」は全銀形式に変換できません");
		}
	}

	/**
	 * Reads the bundled form: the package's data object as gzipped JSON, with the package version it came from.
	 *
	 * @throws InvalidInputException if the version carries no date or the data is not zengin-code's
	 */
	static Master readBundled(InputStream gzipped, String version) throws IOException {
		LocalDate date = dateOf(version);
		if (date == null) {
			throw new InvalidInputException("version", "同梱データの版 " + version + " から日付が分かりません");
		}
		byte[] json = new GZIPInputStream(gzipped).readNBytes((int) MAX_BYTES + 1);
		if (json.length > MAX_BYTES) {
			throw new InvalidInputException("file", "ファイルが大きすぎます（上限 " + (MAX_BYTES >> 20) + " MB）");
		}
		return new Master(version, date, readJson(json));
	}
}

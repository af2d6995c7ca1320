package jp.ikiiki.desk.groups.publiclists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.duplicates.GroupNormalizer;
import jp.ikiiki.desk.shared.PhoneNumbers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The check before delivery (第9章1(6): 納品データに公表すべきでない情報が含まれていないか納品前に必ず確認): reads a public
 * list back — the PDF's text page by page with PDFBox, every cell of every sheet of the XLSX — and looks for every
 * private value of every registered group in it: the representative's name, address and phone, and the value of every
 * text field the city has not configured as public (name, kana, meeting place, public contact).
 *
 * <p>Both the file's text and the values are folded alike ({@link GroupNormalizer#fold}: width, spaces and line breaks,
 * dashes and brackets, 丁目/番地/番/号, kanji numerals, old kanji), so 082-245-1234 is found as (082)245-1234 or
 * ０８２２４５１２３４ and 大手町1-2-3 as 大手町一丁目2番3号; a value wrapped over two lines is found too. A value is looked
 * for only where it cannot match by chance: names of at least 3 characters, addresses of at least 6, phones of 10 or 11
 * digits; shorter ones are counted as not checkable. A private value that the same group also gave as a public value
 * (a contact phone that is the representative's phone) is the group's own choice to publish and is counted apart,
 * not looked for. Matches are never across two cells or two pages.
 *
 * <p>The report lists the file, the groups and values checked, the fields, and every finding by group number, field
 * and place (page, or sheet and cell) — never the value itself.
 */
final class PrivateFieldCheck {

	/** What is looked for. */
	enum CheckedField {
		REPRESENTATIVE_NAME("代表者氏名", 3), REPRESENTATIVE_ADDRESS("代表者住所", 6), REPRESENTATIVE_PHONE("代表者電話番号", 10),
		NAME("団体名（非公開設定）", 3), NAME_KANA("フリガナ（非公開設定）", 3), MEETING_PLACE("活動場所（非公開設定）", 6),
		PUBLIC_CONTACT("連絡先（非公開設定）", 6);

		final String label;
		final int minLength;

		CheckedField(String label, int minLength) {
			this.label = label;
			this.minLength = minLength;
		}
	}

	enum Format {
		PDF, XLSX;

		static Format of(String s) {
			return valueOf(s.toUpperCase(Locale.ROOT));
		}
	}

	/**
	 * One private value found in the file.
	 *
	 * @param groupId the group whose value it is
	 * @param field   the field's label (代表者電話番号 …)
	 * @param where   the page (「3ページ」) or the sheet and cell (「一般の活動団体!E12」)
	 */
	record Finding(long groupId, String field, String where) {
	}

	/**
	 * The check's result.
	 *
	 * @param fileName       the file checked
	 * @param passed         true when no private value was found
	 * @param parts          pages (PDF) or cells (XLSX) read
	 * @param characters     characters of text read
	 * @param groups         groups whose values were looked for
	 * @param valuesChecked  values looked for
	 * @param valuesTooShort values too short to look for without matching by chance
	 * @param valuesAlsoPublic values the same group gave as a public value too
	 * @param fields         the fields looked for, in Japanese
	 * @param findings       every value found
	 */
	record Report(String fileName, boolean passed, int parts, long characters, int groups, int valuesChecked,
			int valuesTooShort, int valuesAlsoPublic, List<String> fields, List<Finding> findings) {

		Report {
			fields = List.copyOf(fields);
			findings = List.copyOf(findings);
		}
	}

	private record Value(long groupId, CheckedField field, String folded) {
	}

	private PrivateFieldCheck() {
	}

	/** Checks a file against every group's private values, given the fields configured as public. */
	static Report check(String fileName, Format format, byte[] content, List<GroupProfile> groups,
			List<PublicField> published) {
		Set<CheckedField> fields = EnumSet.of(CheckedField.REPRESENTATIVE_NAME, CheckedField.REPRESENTATIVE_ADDRESS,
				CheckedField.REPRESENTATIVE_PHONE);
		for (PublicField f : List.of(PublicField.NAME, PublicField.NAME_KANA, PublicField.MEETING_PLACE,
				PublicField.PUBLIC_CONTACT)) {
			if (!published.contains(f)) {
				fields.add(CheckedField.valueOf(f.name()));
			}
		}
		List<Value> values = new ArrayList<>();
		int tooShort = 0;
		int alsoPublic = 0;
		for (GroupProfile g : groups) {
			List<String> publicValues = published.stream().map(f -> GroupNormalizer.fold(f.valueOf(g)))
					.filter(v -> !v.isEmpty()).toList();
			for (CheckedField f : fields) {
				String raw = raw(g, f);
				if (raw == null || raw.isBlank()) {
					continue;
				}
				String folded = fold(f, raw);
				if (folded.length() < f.minLength) {
					tooShort++;
					continue;
				}
				if (publicValues.stream().anyMatch(p -> p.contains(folded))) {
					alsoPublic++;
					continue;
				}
				values.add(new Value(g.id(), f, folded));
			}
		}
		Map<String, List<Value>> by3 = new HashMap<>();
		Map<String, List<Value>> by6 = new HashMap<>();
		for (Value v : values) {
			(v.folded().length() >= 6 ? by6 : by3)
					.computeIfAbsent(v.folded().substring(0, v.folded().length() >= 6 ? 6 : 3), k -> new ArrayList<>())
					.add(v);
		}
		Map<String, Finding> findings = new LinkedHashMap<>();
		long[] characters = {0};
		int parts = read(format, content, (where, text) -> {
			String t = GroupNormalizer.fold(text);
			characters[0] += t.length();
			for (int i = 0; i + 3 <= t.length(); i++) {
				match(t, i, by3.get(t.substring(i, i + 3)), where, findings);
				if (i + 6 <= t.length()) {
					match(t, i, by6.get(t.substring(i, i + 6)), where, findings);
				}
			}
		});
		Set<String> labels = new LinkedHashSet<>();
		fields.forEach(f -> labels.add(f.label));
		return new Report(fileName, findings.isEmpty(), parts, characters[0], groups.size(), values.size(), tooShort,
				alsoPublic, List.copyOf(labels), List.copyOf(findings.values()));
	}

	private static void match(String text, int at, List<Value> candidates, String where, Map<String, Finding> found) {
		if (candidates == null) {
			return;
		}
		for (Value v : candidates) {
			if (text.startsWith(v.folded(), at)) {
				found.putIfAbsent(v.groupId() + "|" + v.field() + "|" + where,
						new Finding(v.groupId(), v.field().label, where));
			}
		}
	}

	private static String raw(GroupProfile g, CheckedField f) {
		var r = g.representative();
		return switch (f) {
			case REPRESENTATIVE_NAME -> r == null ? null : r.name();
			case REPRESENTATIVE_ADDRESS -> r == null ? null : r.address();
			case REPRESENTATIVE_PHONE -> r == null ? null : r.phone();
			case NAME -> g.name();
			case NAME_KANA -> g.nameKana();
			case MEETING_PLACE -> g.meetingPlace();
			case PUBLIC_CONTACT -> g.publicContact();
		};
	}

	private static String fold(CheckedField f, String raw) {
		return switch (f) {
			case REPRESENTATIVE_PHONE -> {
				String d = PhoneNumbers.digits(raw);
				yield d.length() >= 10 ? d : "";
			}
			// 広島県, 安芸郡 and 広島市 dropped from the start: the file may write the address without them.
			case REPRESENTATIVE_ADDRESS, MEETING_PLACE -> GroupNormalizer.fold(GroupNormalizer.address(raw));
			default -> GroupNormalizer.fold(raw);
		};
	}

	private interface Part {
		void accept(String where, String text);
	}

	/** Hands each page's text (PDF) or each cell's text (XLSX) over; returns how many. */
	private static int read(Format format, byte[] content, Part each) {
		try {
			if (format == Format.PDF) {
				try (var doc = Loader.loadPDF(content)) {
					var stripper = new PDFTextStripper();
					// Content-stream order: a cell's wrapped lines stay together (see PublicListPdf).
					stripper.setSortByPosition(false);
					int pages = doc.getNumberOfPages();
					for (int p = 1; p <= pages; p++) {
						stripper.setStartPage(p);
						stripper.setEndPage(p);
						each.accept(p + "ページ", stripper.getText(doc));
					}
					// The document's metadata is published with it.
					var info = doc.getDocumentInformation();
					each.accept("文書情報", String.join("\u0001", nz(info.getTitle()), nz(info.getSubject()),
							nz(info.getKeywords()), nz(info.getAuthor())));
					return pages;
				}
			}
			int cells = 0;
			var formatter = new DataFormatter(Locale.JAPAN);
			try (var wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
				for (Sheet sheet : wb) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							cells++;
							each.accept(sheet.getSheetName() + "!" + cell.getAddress().formatAsString(),
									formatter.formatCellValue(cell));
						}
					}
				}
			}
			return cells;
		} catch (IOException e) {
			throw new IllegalStateException("The public list just written cannot be read back", e);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}

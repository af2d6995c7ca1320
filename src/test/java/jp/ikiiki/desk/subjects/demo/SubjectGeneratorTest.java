package jp.ikiiki.desk.subjects.demo;

import static jp.ikiiki.desk.subjects.demo.GeneratedFiles.decode;
import static jp.ikiiki.desk.subjects.demo.GeneratedFiles.generate;
import static jp.ikiiki.desk.subjects.demo.GeneratedFiles.parseCsv;
import static jp.ikiiki.desk.subjects.demo.GeneratedFiles.parseDate;
import static jp.ikiiki.desk.subjects.demo.GeneratedFiles.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.subjects.demo.GeneratedFiles.Found;
import jp.ikiiki.desk.subjects.demo.GeneratedFiles.Name;
import jp.ikiiki.desk.subjects.demo.GeneratedFiles.Postcode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SubjectGeneratorTest {

	private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

	private static List<List<String>> csv(GeneratorOptions options) throws IOException {
		byte[] bytes = generate(options);
		Charset cs = options.format() == OutputFormat.CSV_WINDOWS_31J ? WINDOWS_31J : StandardCharsets.UTF_8;
		return parseCsv(decode(bytes, cs));
	}

	@ParameterizedTest
	@EnumSource(OutputFormat.class)
	void same_seed_and_size_give_a_byte_identical_file(OutputFormat format) {
		for (SubjectFileKind kind : SubjectFileKind.values()) {
			var options = GeneratorOptions.of(kind, 500, 42).withFormat(format).withGaijiShare(0.05).withBadShare(0.05);
			assertThat(generate(options)).isEqualTo(generate(options));
		}
	}

	@Test
	void a_different_seed_gives_different_people() throws IOException {
		var a = csv(GeneratorOptions.of(SubjectFileKind.INDEX, 200, 1));
		var b = csv(GeneratorOptions.of(SubjectFileKind.INDEX, 200, 2));
		assertThat(a.get(0)).isEqualTo(b.get(0));
		Set<String> numbersA = a.stream().skip(1).map(r -> r.get(2)).collect(Collectors.toSet());
		Set<String> numbersB = b.stream().skip(1).map(r -> r.get(2)).collect(Collectors.toSet());
		assertThat(numbersA).doesNotContainAnyElementsOf(numbersB);
		assertThat(a.subList(1, a.size())).isNotEqualTo(b.subList(1, b.size()));
	}

	@Test
	void a_larger_file_starts_with_the_people_of_a_smaller_one() throws IOException {
		var small = csv(GeneratorOptions.of(SubjectFileKind.PROGRESS, 50, 7));
		var large = csv(GeneratorOptions.of(SubjectFileKind.PROGRESS, 120, 7));
		assertThat(large.subList(0, 51)).isEqualTo(small);
	}

	@ParameterizedTest
	@EnumSource(SubjectFileKind.class)
	void header_row_is_the_exact_betsushi_headers(SubjectFileKind kind) throws IOException {
		var rows = csv(GeneratorOptions.of(kind, 3, 1));
		assertThat(rows.get(0)).containsExactlyElementsOf(kind.columns().stream().map(Column::header).toList());
		assertThat(rows.get(0)).hasSize(kind == SubjectFileKind.INDEX ? 33 : 84);
		assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(kind.columns().size()));
	}

	@Test
	void csv_utf8_starts_with_a_byte_order_mark_and_uses_crlf() {
		byte[] bytes = generate(GeneratorOptions.of(SubjectFileKind.INDEX, 2, 1));
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text.split("\r\n", -1)).hasSize(4); // header, 2 rows, empty tail
		assertThat(text.replace("\r\n", "")).doesNotContain("\n");
	}

	@Test
	void writes_exactly_the_requested_number_of_rows() throws IOException {
		for (int size : new int[] { 0, 1, 257 }) {
			for (SubjectFileKind kind : SubjectFileKind.values()) {
				var rows = csv(GeneratorOptions.of(kind, size, 3));
				assertThat(rows).as("%s %d", kind, size).hasSize(size + 1);
			}
		}
	}

	@Test
	void rejects_impossible_options() {
		assertThatThrownBy(() -> GeneratorOptions.of(SubjectFileKind.INDEX, -1, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> GeneratorOptions.of(SubjectFileKind.INDEX, 1, 1).withBadShare(1.5))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> GeneratorOptions.of(SubjectFileKind.INDEX, 1, 1).withGaijiShare(-0.1))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyone_is_65_to_100_on_the_reference_date_and_dates_mix_western_and_era_forms() throws IOException {
		for (LocalDate reference : List.of(GeneratorOptions.DEFAULT_REFERENCE_DATE, LocalDate.of(2028, 2, 29))) {
			var rows = csv(GeneratorOptions.of(SubjectFileKind.INDEX, 2000, 11).withReferenceDate(reference));
			var ages = new HashSet<Integer>();
			var shapes = new HashSet<String>();
			for (var row : rows.subList(1, rows.size())) {
				String cell = record(rows.get(0), row).get("生年月日");
				int age = Period.between(parseDate(cell), reference).getYears();
				assertThat(age).as(cell).isBetween(65, 100);
				ages.add(age);
				shapes.add(cell.replaceAll("\\d+", "9"));
			}
			assertThat(ages).contains(65, 70, 80, 90);
			assertThat(shapes).contains("S9.9.9", "9/9/9", "9", "昭和9年9月9日");
		}
	}

	@ParameterizedTest
	@EnumSource(SubjectFileKind.class)
	void postcodes_are_real_hiroshima_postcodes_matching_ward_and_address(SubjectFileKind kind) throws IOException {
		Map<String, List<Postcode>> byCode = GeneratedFiles.postcodes().stream().collect(Collectors.groupingBy(Postcode::code));
		assertThat(byCode).hasSizeGreaterThan(400);
		assertThat(byCode.keySet()).allMatch(c -> c.matches("73\\d{5}"));
		var rows = csv(GeneratorOptions.of(kind, 3000, 5));
		var wards = new TreeSet<Integer>();
		int withMailAddress = 0;
		int withApartment = 0;
		for (var row : rows.subList(1, rows.size())) {
			var rec = record(rows.get(0), row);
			String postcode = rec.get("郵便番号").replace("-", "");
			assertThat(byCode).as("postcode %s", postcode).containsKey(postcode);
			List<Postcode> towns = byCode.get(postcode);
			String address = rec.get("住所漢字");
			assertThat(towns).as(address).anySatisfy(p -> assertThat(address)
					.matches("(広島県)?(広島市)?" + p.wardName() + p.town() + "[0-9０-９].*"));
			if (kind == SubjectFileKind.INDEX) {
				int ward = Integer.parseInt(rec.get("区コード")) % 1000;
				assertThat(towns).anySatisfy(p -> assertThat(p.wardCode()).isEqualTo(ward));
				wards.add(ward);
			}
			String mailColumn = kind == SubjectFileKind.INDEX ? "送付先住所漢字" : "送付先住所";
			if (!rec.get(mailColumn).isEmpty()) {
				withMailAddress++;
				List<Postcode> mailTowns = byCode.get(rec.get("送付先郵便番号").replace("-", ""));
				assertThat(mailTowns).isNotNull().anySatisfy(p -> assertThat(rec.get(mailColumn)).contains(p.wardName() + p.town()));
			}
			if (!rec.get("方書漢字").isEmpty()) {
				withApartment++;
			}
		}
		if (kind == SubjectFileKind.INDEX) {
			assertThat(wards).containsExactly(101, 102, 103, 104, 105, 106, 107, 108);
		}
		assertThat(withMailAddress).isBetween(100, 400);
		assertThat(withApartment).isBetween(400, 1000);
	}

	@ParameterizedTest
	@EnumSource(SubjectFileKind.class)
	void kana_matches_the_kanji_name_and_sex_matches_the_given_name(SubjectFileKind kind) throws IOException {
		List<Name> surnames = GeneratedFiles.surnames();
		Map<String, Name> given = new HashMap<>();
		GeneratedFiles.givenNames().forEach(n -> given.put(n.kanji(), n));
		var rows = csv(GeneratorOptions.of(kind, 3000, 9).withGaijiShare(0.1));
		int halfWidth = 0;
		for (var row : rows.subList(1, rows.size())) {
			var rec = record(rows.get(0), row);
			String[] kanji = rec.get("氏名漢字").split("[ \u3000]");
			String[] kana = rec.get("氏名カナ").split("[ \u3000]");
			assertThat(kanji).as(rec.get("氏名漢字")).hasSize(2);
			assertThat(kana).as(rec.get("氏名カナ")).hasSize(2);
			if (rec.get("氏名カナ").chars().anyMatch(c -> c >= 0xFF66 && c <= 0xFF9F)) {
				halfWidth++;
			}
			// A surname may carry a placeholder (〓 ■ ・) where the city's system lacked the character.
			String surnamePattern = java.util.regex.Pattern.quote(kanji[0]).replaceAll("[〓■・]", "\\\\E.\\\\Q");
			String surnameKana = GeneratedFiles.kanaKey(kana[0]);
			assertThat(surnames.stream().filter(n -> n.kana().equals(surnameKana)).map(Name::kanji))
					.as(rec.get("氏名漢字") + " / " + rec.get("氏名カナ"))
					.anyMatch(k -> k.matches(surnamePattern));
			Name g = given.get(kanji[1]);
			assertThat(g).as(kanji[1]).isNotNull();
			assertThat(GeneratedFiles.kanaKey(kana[1])).isEqualTo(g.kana());
			assertThat(rec.get("性別")).isIn(g.sex(), g.sex().equals("1") ? "男" : "女");
		}
		assertThat(halfWidth).isBetween(500, 1500);
	}

	@Test
	void index_and_progress_of_one_seed_describe_the_same_people() throws IOException {
		var index = csv(GeneratorOptions.of(SubjectFileKind.INDEX, 1000, 77).withGaijiShare(0.02));
		var progress = csv(GeneratorOptions.of(SubjectFileKind.PROGRESS, 1000, 77).withGaijiShare(0.02));
		for (int i = 1; i < index.size(); i++) {
			var a = record(index.get(0), index.get(i));
			var b = record(progress.get(0), progress.get(i));
			for (String column : List.of("宛名番号", "氏名カナ", "氏名漢字", "住所漢字", "方書漢字", "申請書管理番号", "被保険者番号", "利用券種")) {
				assertThat(b.get(column)).as(column).isEqualTo(a.get(column));
			}
			assertThat(b.get("送付先住所")).isEqualTo(a.get("送付先住所漢字"));
			assertThat(parseDate(b.get("生年月日"))).isEqualTo(parseDate(a.get("生年月日")));
			assertThat(b.get("郵便番号").replace("-", "")).isEqualTo(a.get("郵便番号").replace("-", ""));
			assertThat(b.get("交通助成")).isEqualTo(a.get("受給状況").equals("受給中") ? "1" : "0");
			if (!b.get("要介護認定状態").isEmpty()) {
				assertThat(b.get("要介護認定状態")).isEqualTo(a.get("要介護認定状態"));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(SubjectFileKind.class)
	void care_levels_and_ticket_types_are_realistic(SubjectFileKind kind) throws IOException {
		var rows = csv(GeneratorOptions.of(kind, 3000, 13));
		Map<String, Long> care = rows.stream().skip(1).map(r -> record(rows.get(0), r).get("要介護認定状態"))
				.collect(Collectors.groupingBy(s -> s, Collectors.counting()));
		Map<String, Long> tickets = rows.stream().skip(1).map(r -> record(rows.get(0), r).get("利用券種"))
				.filter(s -> !s.isEmpty()).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
		assertThat(tickets.keySet()).containsExactlyInAnyOrderElementsOf(GeneratedFiles.TICKET_TYPES);
		if (kind == SubjectFileKind.INDEX) {
			assertThat(care.keySet()).contains("要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5")
					.doesNotContain("");
		}
		else {
			assertThat(care.get("")).isGreaterThan(1500L);
			assertThat(care).containsKey("事業対象者");
			// system-owned columns 55–84 are left to the system
			for (var row : rows.subList(1, rows.size())) {
				assertThat(row.subList(54, 84)).allMatch(String::isEmpty);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(SubjectFileKind.class)
	void address_and_management_numbers_are_unique_ten_digit_numbers(SubjectFileKind kind) throws IOException {
		var rows = csv(GeneratorOptions.of(kind, 20_000, 21));
		var address = new HashSet<String>();
		var management = new HashSet<String>();
		for (var row : rows.subList(1, rows.size())) {
			var rec = record(rows.get(0), row);
			assertThat(rec.get("宛名番号")).matches("[1-9]\\d{9}");
			assertThat(rec.get("申請書管理番号")).matches("[1-9]\\d{9}");
			assertThat(rec.get("被保険者番号")).matches("\\d{10}");
			address.add(rec.get("宛名番号"));
			management.add(rec.get("申請書管理番号"));
		}
		assertThat(address).hasSize(20_000);
		assertThat(management).hasSize(20_000);
	}

	/**
	 * Free-text columns (names, addresses, notes) are the ones checked for 外字; an enumerated value such as the
	 * ticket type バス・電車券 legitimately holds ・.
	 */
	private static boolean isFreeText(SubjectFileKind kind, String header) {
		return kind.column(header).type() == jp.ikiiki.desk.subjects.columns.FieldType.TEXT;
	}

	@Test
	void without_gaiji_share_nothing_is_flagged_and_no_row_is_bad() throws IOException {
		for (SubjectFileKind kind : SubjectFileKind.values()) {
			for (OutputFormat format : List.of(OutputFormat.CSV_UTF8, OutputFormat.CSV_WINDOWS_31J)) {
				var options = GeneratorOptions.of(kind, 3000, 17).withFormat(format);
				var rows = csv(options);
				for (var row : rows.subList(1, rows.size())) {
					for (var cell : record(rows.get(0), row).entrySet()) {
						if (isFreeText(kind, cell.getKey())) {
							assertThat(GeneratedFiles.flagged(cell.getValue())).as(cell.getValue()).isEmpty();
						}
					}
				}
				assertThat(GeneratedFiles.errors(kind, rows)).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = OutputFormat.class, names = { "CSV_UTF8", "CSV_WINDOWS_31J" })
	void gaiji_share_produces_flagged_characters_exactly_in_the_listed_cells(OutputFormat format) throws IOException {
		for (SubjectFileKind kind : SubjectFileKind.values()) {
			var options = GeneratorOptions.of(kind, 4000, 23).withFormat(format).withGaijiShare(0.05).withBadShare(0.02);
			var expected = new SubjectGenerator(options).write(new java.io.ByteArrayOutputStream());
			var rows = csv(options);
			var found = new HashMap<Long, List<String>>();
			var foundChars = new HashMap<String, Integer>();
			for (int i = 1; i < rows.size(); i++) {
				var rec = record(rows.get(0), rows.get(i));
				for (var e : rec.entrySet()) {
					if (!isFreeText(kind, e.getKey())) {
						continue;
					}
					String chars = GeneratedFiles.flagged(e.getValue());
					if (!chars.isEmpty()) {
						found.computeIfAbsent(i + 1L, k -> new ArrayList<>()).add(e.getKey() + "=" + chars);
						chars.codePoints().forEach(cp -> foundChars.merge(new String(Character.toChars(cp)), 1, Integer::sum));
					}
				}
			}
			var listed = new HashMap<Long, List<String>>();
			expected.gaiji().forEach(g -> listed.computeIfAbsent(g.row(), k -> new ArrayList<>()).add(g.column() + "=" + g.characters()));
			var unexpected = new TreeSet<>(found.keySet());
			unexpected.removeAll(listed.keySet());
			var missing = new TreeSet<>(listed.keySet());
			missing.removeAll(found.keySet());
			assertThat(unexpected).as("rows flagged but not listed").isEmpty();
			assertThat(missing).as("rows listed but not flagged").isEmpty();
			assertThat(found).isEqualTo(listed);
			assertThat(expected.gaiji().size()).isBetween(120, 280);
			assertThat(expected.gaiji()).allSatisfy(g -> assertThat(record(rows.get(0), rows.get((int) g.row() - 1))
					.get(g.column())).isEqualTo(g.value()));
			assertThat(foundChars.keySet()).contains("髙", "﨑", "〓", "■");
			if (format == OutputFormat.CSV_UTF8) {
				assertThat(foundChars).containsKey("𠮷");
			}
			else {
				assertThat(foundChars).doesNotContainKey("𠮷");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(SubjectFileKind.class)
	void bad_rows_are_exactly_the_listed_ones_with_one_defect_each(SubjectFileKind kind) throws IOException {
		var options = GeneratorOptions.of(kind, 5000, 31).withBadShare(0.1).withGaijiShare(0.05);
		var result = new SubjectGenerator(options).write(new java.io.ByteArrayOutputStream());
		var rows = csv(options);
		List<Found> found = GeneratedFiles.errors(kind, rows);
		var expected = result.problems().stream().map(p -> new Found(p.row(), p.column())).toList();
		assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result.badRows()).hasSize(result.problems().size());
		assertThat(result.problems().size()).isBetween(400, 600);
		var defects = result.problems().stream().map(ExpectedProblem::defect).collect(Collectors.toSet());
		var all = new HashSet<>(Set.of(Defect.values()));
		if (kind == SubjectFileKind.PROGRESS) {
			all.remove(Defect.UNKNOWN_WARD_CODE);
		}
		assertThat(defects).containsExactlyInAnyOrderElementsOf(all);
		for (var p : result.problems()) {
			var rec = record(rows.get(0), rows.get((int) p.row() - 1));
			assertThat(rec.get(p.column())).isEqualTo(p.value());
			if (p.defect() == Defect.DUPLICATE_ADDRESS_NUMBER) {
				assertThat(p.duplicateOfRow()).isEqualTo(p.row() - 1);
				assertThat(record(rows.get(0), rows.get((int) p.duplicateOfRow() - 1)).get("宛名番号")).isEqualTo(p.value());
				assertThat(result.badRows()).doesNotContain(p.duplicateOfRow());
			}
			else {
				assertThat(p.duplicateOfRow()).isZero();
			}
		}
	}

	@Test
	void windows_31j_output_decodes_strictly_and_holds_the_same_people() throws IOException {
		var options = GeneratorOptions.of(SubjectFileKind.PROGRESS, 2000, 37).withGaijiShare(0.05);
		byte[] sjis = generate(options.withFormat(OutputFormat.CSV_WINDOWS_31J));
		assertThat(sjis[0]).isNotEqualTo((byte) 0xEF);
		var fromSjis = parseCsv(decode(sjis, WINDOWS_31J));
		var fromUtf8 = csv(options);
		assertThat(fromSjis).hasSize(2001);
		for (int i = 0; i < fromSjis.size(); i++) {
			List<String> a = fromSjis.get(i);
			List<String> b = fromUtf8.get(i);
			for (int k = 0; k < a.size(); k++) {
				assertThat(a.get(k)).isEqualTo(b.get(k).replace("𠮷", "〓"));
			}
		}
	}

	@Test
	void xlsx_opens_with_poi_and_holds_the_rows_with_typed_dates() throws IOException {
		var options = GeneratorOptions.of(SubjectFileKind.INDEX, 300, 41).withGaijiShare(0.05).withBadShare(0.05);
		var fromCsv = csv(options);
		byte[] xlsx = generate(options.withFormat(OutputFormat.XLSX));
		int dateCells = 0;
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("交通費助成索引簿");
			assertThat(sheet.getLastRowNum()).isEqualTo(300);
			for (int r = 0; r <= 300; r++) {
				var row = sheet.getRow(r);
				for (int c = 0; c < 33; c++) {
					String csvValue = fromCsv.get(r).get(c);
					var cell = row.getCell(c);
					if (cell == null) {
						assertThat(csvValue).isEmpty();
					}
					else if (cell.getCellType() == CellType.NUMERIC) {
						assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
						assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(parseDate(csvValue));
						dateCells++;
					}
					else {
						assertThat(cell.getStringCellValue()).isEqualTo(csvValue);
					}
				}
			}
		}
		assertThat(dateCells).isGreaterThan(300);
	}

	@Test
	void streams_190000_rows_in_a_small_heap(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("progress-190000.csv");
		Path expected = dir.resolve("expected.tsv");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				SubjectGeneratorMain.class.getName(), "--kind", "progress", "--size", "190000", "--seed", "1",
				"--gaiji-share", "0.01", "--bad-share", "0.01", "--out", out.toString(), "--expected", expected.toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
		try (Stream<String> lines = Files.lines(out, StandardCharsets.UTF_8)) {
			assertThat(lines.count()).isEqualTo(190_001);
		}
		try (Stream<String> lines = Files.lines(expected, StandardCharsets.UTF_8)) {
			assertThat(lines.filter(l -> l.startsWith("ERROR\t")).count()).isBetween(1_500L, 2_300L);
		}
	}
}

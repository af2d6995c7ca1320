package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderTest {

	private static final XlsxReader.Limits LIMITS = limits(SubjectsProperties.ImportSettings.DEFAULTS);

	@TempDir
	Path dir;

	private static XlsxReader.Limits limits(SubjectsProperties.ImportSettings s) {
		return new XlsxReader.Limits(ReadLimits.of(s), s.maxXlsxPartSize().toBytes(), s.maxSharedStringsSize().toBytes());
	}

	@Test
	void dates_become_iso_and_numeric_codes_lose_no_digits() throws Exception {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("宛名番号", 1234567);
		row.put("生年月日", LocalDate.of(1940, 3, 2));
		row.put("郵便番号", 7300011L);
		row.put("氏名", "山田　太郎");
		row.put("金額", 12.5);
		Path file = dir.resolve("t.xlsx");
		Files.write(file, TestFiles.xlsx(List.of("宛名番号", "空", "生年月日", "郵便番号", "氏名", "金額"), List.of(row)));
		List<SourceRow> rows = new ArrayList<>();
		XlsxReader.read(file.toFile(), LIMITS, rows::add);
		assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L);
		assertThat(rows.get(1).cells()).containsExactly("1234567", "", "1940-03-02", "7300011", "山田　太郎", "12.5");
	}

	@Test
	void a_file_that_is_not_a_workbook_is_unreadable() throws Exception {
		Path file = dir.resolve("t.xlsx");
		Files.writeString(file, "宛名番号,氏名\n");
		assertThatThrownBy(() -> XlsxReader.read(file.toFile(), LIMITS, r -> { })).isInstanceOf(UnreadableFileException.class);
	}

	@Test
	void a_cell_beyond_the_cell_limit_is_refused_naming_row_and_column() throws Exception {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("宛名番号", "1");
		row.put("氏名", "長".repeat(5000));
		Path file = dir.resolve("t.xlsx");
		Files.write(file, TestFiles.xlsx(List.of("宛名番号", "氏名"), List.of(row)));
		assertThatThrownBy(() -> XlsxReader.read(file.toFile(), LIMITS, r -> { }))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("2行目2列目の項目が長すぎます");
	}

	@Test
	void a_value_far_to_the_right_is_refused_at_the_column_limit() throws Exception {
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			headers.add("列" + i);
		}
		Path file = dir.resolve("t.xlsx");
		Files.write(file, TestFiles.xlsx(headers, List.of()));
		assertThatThrownBy(() -> XlsxReader.read(file.toFile(), LIMITS, r -> { }))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("1行目の列が多すぎます");
	}

	@Test
	void shared_strings_beyond_their_limit_are_refused_before_they_are_held_in_memory() throws Exception {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("氏名", "氏名" + i + "番目の人".repeat(20));
			rows.add(row);
		}
		Path file = dir.resolve("t.xlsx");
		Files.write(file, TestFiles.xlsx(List.of("氏名"), rows));
		var small = new SubjectsProperties.ImportSettings(org.springframework.util.unit.DataSize.ofMegabytes(200), 32_768,
				4_000, 100, 500_000, org.springframework.util.unit.DataSize.ofGigabytes(1),
				org.springframework.util.unit.DataSize.ofKilobytes(64), SubjectsProperties.Guard.DEFAULTS);
		assertThatThrownBy(() -> XlsxReader.read(file.toFile(), limits(small), r -> { }))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("共有文字列");
	}

	@Test
	void a_zip_bomb_is_refused_as_such() throws Exception {
		// A real workbook whose sheet is padded with 20 MB of spaces: a few dozen KB packed.
		Path good = dir.resolve("good.xlsx");
		Files.write(good, TestFiles.xlsx(List.of("宛名番号"), List.of()));
		Path bomb = dir.resolve("bomb.xlsx");
		try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(good));
				var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
			java.util.zip.ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
				byte[] bytes = in.readAllBytes();
				if (e.getName().endsWith("sheet1.xml")) {
					String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
					out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
					byte[] spaces = new byte[1 << 20];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 20; i++) {
						out.write(spaces);
					}
					out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				} else {
					out.write(bytes);
				}
				out.closeEntry();
			}
		}
		assertThat(Files.size(bomb)).isLessThan(2_000_000);
		assertThatThrownBy(() -> XlsxReader.read(bomb.toFile(), LIMITS, r -> { }))
				.isInstanceOf(LimitExceededException.class)
				.hasMessageContaining("圧縮率が異常");
	}
}

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderTest {

	@TempDir
	Path dir;

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
		XlsxReader.read(file.toFile(), rows::add);
		assertThat(rows).extracting(SourceRow::row).containsExactly(1L, 2L);
		assertThat(rows.get(1).cells()).containsExactly("1234567", "", "1940-03-02", "7300011", "山田　太郎", "12.5");
	}

	@Test
	void a_file_that_is_not_a_workbook_is_unreadable() throws Exception {
		Path file = dir.resolve("t.xlsx");
		Files.writeString(file, "宛名番号,氏名\n");
		assertThatThrownBy(() -> XlsxReader.read(file.toFile(), r -> { })).isInstanceOf(UnreadableFileException.class);
	}
}

package jp.ikiiki.desk.subjects.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small writers of city files for tests: rows as header → value maps, written as CSV or XLSX. */
final class TestFiles {

	private TestFiles() {
	}

	/** A valid 別紙2 row; {@code overrides} replace or blank (with "") defaults. */
	static Map<String, Object> indexRow(String addressNumber, Object... overrides) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("区コード", "101");
		r.put("整理番号", "S" + addressNumber);
		r.put("宛名番号", addressNumber);
		r.put("氏名カナ", "ヤマダ　タロウ");
		r.put("氏名漢字", "山田　太郎");
		r.put("性別", "1");
		r.put("生年月日", "S15.3.2");
		r.put("郵便番号", "730-0011");
		r.put("住所漢字", "広島市中区基町1番1号");
		r.put("転入区分", "");
		r.put("利用券種", "タクシー券");
		r.put("判定回数", "1");
		r.put("被保険者番号", "0012345678");
		r.put("要介護認定状態", "要介護1");
		r.put("認定有効開始日", "R8.4.1");
		r.put("認定有効終了日", "R9.3.31");
		r.put("継続者フラグ", "1");
		r.put("申請書管理番号", "K" + addressNumber);
		put(r, overrides);
		return r;
	}

	/** A valid 別紙3 row (city columns only); {@code overrides} replace or blank defaults. */
	static Map<String, Object> progressRow(String addressNumber, Object... overrides) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("宛名番号", addressNumber);
		r.put("氏名カナ", "ヤマダ　タロウ");
		r.put("氏名漢字", "山田　太郎");
		r.put("性別", "1");
		r.put("郵便番号", "730-0011");
		r.put("住所漢字", "広島市中区基町1番1号");
		r.put("申請書管理番号", "K" + addressNumber);
		r.put("生年月日", "昭和15年3月2日");
		r.put("交通助成", "1");
		r.put("利用券種", "バス・電車券");
		r.put("要介護認定状態", "22");
		r.put("ポイント手帳交付希望", "1");
		put(r, overrides);
		return r;
	}

	private static void put(Map<String, Object> r, Object... overrides) {
		for (int i = 0; i < overrides.length; i += 2) {
			r.put((String) overrides[i], overrides[i + 1]);
		}
	}

	static List<String> headers(SubjectFileKind kind, int width) {
		return kind.columns().stream().limit(width).map(Column::header).toList();
	}

	static byte[] csv(SubjectFileKind kind, List<Map<String, Object>> rows, Charset charset, boolean bom) {
		return csv(headers(kind, kind.columns().size() == 84 ? 54 : kind.columns().size()), rows, charset, bom);
	}

	static byte[] csv(List<String> headers, List<Map<String, Object>> rows, Charset charset, boolean bom) {
		var sb = new StringBuilder();
		sb.append(String.join(",", headers)).append("\r\n");
		for (var row : rows) {
			List<String> cells = new ArrayList<>();
			for (String h : headers) {
				Object v = row.get(h);
				cells.add(quote(v == null ? "" : v.toString()));
			}
			sb.append(String.join(",", cells)).append("\r\n");
		}
		var out = new ByteArrayOutputStream();
		if (bom) {
			out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
		}
		out.writeBytes(sb.toString().getBytes(charset));
		return out.toByteArray();
	}

	static byte[] utf8(SubjectFileKind kind, List<Map<String, Object>> rows) {
		return csv(kind, rows, StandardCharsets.UTF_8, false);
	}

	private static String quote(String v) {
		if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

	/**
	 * An XLSX with the header in row 1. Values that are {@link LocalDate} become date cells (format yyyy/m/d),
	 * {@link Number}s numeric cells, the rest text.
	 */
	static byte[] xlsx(List<String> headers, List<Map<String, Object>> rows) {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("対象者");
			CellStyle dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < headers.size(); i++) {
					Object v = rows.get(r).get(headers.get(i));
					if (v == null || "".equals(v)) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (v instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(dateStyle);
					} else if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					} else {
						cell.setCellValue(v.toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] xlsx(SubjectFileKind kind, List<Map<String, Object>> rows) {
		return xlsx(headers(kind, kind.columns().size() == 84 ? 54 : kind.columns().size()), rows);
	}

	/**
	 * An XLSX as Excel writes control characters: the OOXML escape {@code _x001B_} in the shared strings (POI's writer
	 * would turn them into '?'). Each {@code «HHHH»} in a value becomes {@code _xHHHH_}.
	 */
	static byte[] xlsxWithEscapes(SubjectFileKind kind, List<Map<String, Object>> rows) {
		byte[] plain = xlsx(kind, rows);
		var out = new ByteArrayOutputStream();
		try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain));
				var zip = new java.util.zip.ZipOutputStream(out)) {
			java.util.zip.ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
				byte[] bytes = in.readAllBytes();
				if (e.getName().endsWith("sharedStrings.xml")) {
					bytes = new String(bytes, StandardCharsets.UTF_8).replaceAll("«([0-9A-F]{4})»", "_x$1_")
							.getBytes(StandardCharsets.UTF_8);
				}
				zip.write(bytes);
				zip.closeEntry();
			}
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}

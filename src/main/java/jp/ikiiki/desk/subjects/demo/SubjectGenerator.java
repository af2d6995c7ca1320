package jp.ikiiki.desk.subjects.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.subjects.demo.DateText.Style;
import jp.ikiiki.desk.subjects.demo.Person.GaijiKind;

/**
 * Writes realistic synthetic city files — 交通費助成索引簿 (別紙2, 33 columns) or 対象者別進捗状況一覧 (別紙3, 84
 * columns) — for demo data, tests and benchmarks, so that they all go through the real import.
 *
 * <p>Content: kanji names with matching kana (full- or half-width), sex matching the given name, everyone 65–100
 * on the reference date, real Hiroshima City postcodes (730–739) with the matching ward code and 町域 in the
 * address plus 丁目-番-号, some 方書, some 送付先 of a family member, care levels, the four ticket types, unique
 * 10-digit 宛名番号 and 申請書管理番号, and dates mixed in western and Japanese-era forms as the city's files mix
 * them. Header row = the exact 別紙 headers. In 別紙3 the system-owned columns 55–84 are left blank.
 *
 * <p>Deterministic: the same options give a byte-identical CSV (and an XLSX with identical content). Row
 * {@code i} is person {@code i} of the seed in both kinds, so an INDEX and a PROGRESS file of one seed join up
 * by 宛名番号. Rows are streamed: any size runs in constant memory (the result lists only the bad and 外字 rows).
 *
 * <p>Not thread-safe; one instance writes one file at a time.
 */
public final class SubjectGenerator {

	private static final long SALT_ROW = 0x524f_57L;
	private static final long SALT_BAD = 0x4241_44L;

	private static final int[] BIRTH_STYLE_WEIGHTS = weights(Style.SLASH, 25, Style.COMPACT, 15, Style.ISO, 5,
			Style.WESTERN_KANJI, 0, Style.ERA_SHORT, 35, Style.ERA_SHORT_PADDED, 5, Style.ERA_KANJI, 15);
	private static final int[] DATE_STYLE_WEIGHTS = weights(Style.SLASH, 35, Style.COMPACT, 20, Style.ISO, 5,
			Style.WESTERN_KANJI, 5, Style.ERA_SHORT, 20, Style.ERA_SHORT_PADDED, 5, Style.ERA_KANJI, 10);

	private final GeneratorOptions options;
	private final PersonFactory people;
	private final List<Column> columns;
	private final CharsetEncoder encoder;
	private final Map<String, Integer> columnIndex = new HashMap<>();

	public SubjectGenerator(GeneratorOptions options) {
		this.options = options;
		this.people = new PersonFactory(options.seed(), options.gaijiShare(), options.referenceDate());
		this.columns = options.kind().columns();
		this.encoder = options.format().charset() == null ? null : options.format().charset().newEncoder();
		columns.forEach(c -> columnIndex.put(c.header(), c.number() - 1));
	}

	public GeneratorOptions options() {
		return options;
	}

	/** Writes the file to {@code path} (created or replaced). */
	public GeneratedFile write(Path path) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
			return write(out);
		}
	}

	/** Writes the file to {@code out}, which is flushed but not closed. */
	public GeneratedFile write(OutputStream out) throws IOException {
		var problems = new ArrayList<ExpectedProblem>();
		var gaiji = new ArrayList<ExpectedGaiji>();
		String[] text = new String[columns.size()];
		LocalDate[] dates = new LocalDate[columns.size()];
		try (RowSink sink = RowSink.open(options.format(), out, options.kind().title())) {
			sink.header(columns.stream().map(Column::header).toList());
			for (int i = 0; i < options.size(); i++) {
				long line = i + 2L;
				Arrays.fill(text, "");
				Arrays.fill(dates, null);
				Person p = people.person(i);
				Random r = PersonFactory.stream(options.seed(), i, SALT_ROW + options.kind().ordinal());
				var row = new Row(text, dates, r);
				if (options.kind() == SubjectFileKind.INDEX) {
					indexRow(p, row);
				}
				else {
					progressRow(p, row);
				}
				if (encoder != null) {
					for (int k = 0; k < text.length; k++) {
						text[k] = encodable(text[k]);
					}
				}
				ExpectedGaiji g = gaijiCell(p, row, line);
				if (isBad(i)) {
					problems.add(spoil(i, p, row, line, g));
				}
				if (g != null) {
					gaiji.add(new ExpectedGaiji(line, g.column(), row.get(g.column()), g.characters()));
				}
				sink.row(text, dates);
			}
			sink.finish();
		}
		return new GeneratedFile(options.kind(), options.format(), options.size(), problems, gaiji);
	}

	private boolean isBad(long index) {
		return options.badShare() > 0
				&& PersonFactory.stream(options.seed(), index, SALT_BAD + options.kind().ordinal()).nextDouble() < options.badShare();
	}

	// ---------------------------------------------------------------- rows

	private void indexRow(Person p, Row row) {
		row.set("区コード", row.r.nextInt(20) == 0 ? "34" + p.home().wardCode() : String.valueOf(p.home().wardCode()));
		String serial = Long.toString(p.index() + 1);
		row.set("整理番号", p.home().wardCode() + "-" + "000000".substring(Math.min(6, serial.length())) + serial);
		row.set("宛名番号", p.addressNumber());
		row.set("氏名カナ", p.nameKana());
		row.set("氏名漢字", p.nameKanji());
		row.set("性別", sex(p, row));
		row.birthDate("生年月日", p.birthDate());
		row.set("郵便番号", postcode(p.home().code(), row));
		row.set("住所漢字", p.address());
		row.set("方書漢字", p.addressExtra());
		if (p.mailHome() != null) {
			row.set("送付先郵便番号", postcode(p.mailHome().code(), row));
			row.set("送付先住所漢字", p.mailAddress());
			row.set("送付先方書漢字", p.mailExtra());
		}
		if (p.moveInDate() != null) {
			row.set("転入区分", "転入");
			row.date("転入日（住民年月日）", p.moveInDate());
		}
		row.set("受給状況", p.dead() ? "資格喪失" : p.granted() ? "受給中" : "不交付");
		row.set("決定事由", p.decisionReason());
		row.set("利用券種", p.ticketType());
		row.set("判定回数", String.valueOf(p.assessments()));
		row.set("処理状況", "決定済");
		row.set("障害種別", p.disability());
		row.set("被保険者番号", p.insuredNumber());
		row.date("認定申請日", p.applicationDate());
		row.set("認定申請事由", p.applicationReason());
		row.date("認定日", p.certificationDate());
		row.set("要介護認定状態", p.careLevel());
		row.date("認定有効開始日", p.validFrom());
		row.date("認定有効終了日", p.validTo());
		row.set("継続者フラグ", p.continuing() ? "1" : "0");
		row.set("申請書管理番号", p.managementNumber());
		row.date("住民となった日", p.residentSince());
		row.set("住登区分", "住民");
	}

	private void progressRow(Person p, Row row) {
		Random r = row.r;
		LocalDate ref = options.referenceDate();
		row.set("宛名番号", p.addressNumber());
		row.set("氏名カナ", p.nameKana());
		row.set("氏名漢字", p.nameKanji());
		row.set("性別", sex(p, row));
		row.set("郵便番号", postcode(p.home().code(), row));
		row.set("住所漢字", p.address());
		row.set("方書漢字", p.addressExtra());
		if (p.mailHome() != null) {
			row.set("送付先郵便番号", postcode(p.mailHome().code(), row));
			row.set("送付先住所", p.mailAddress());
			row.set("送付先方書", p.mailExtra());
		}
		row.set("申請書管理番号", p.managementNumber());
		row.birthDate("生年月日", p.birthDate());
		row.set("交通助成", p.granted() ? "1" : "0");
		row.set("利用券種", p.ticketType());
		row.set("決定事由", p.decisionReason());
		row.set("被保険者番号", p.insuredNumber());
		if (p.careShownInProgress()) {
			row.date("認定申請日", p.applicationDate());
			row.set("認定申請事由", p.applicationReason());
			row.date("認定日", p.certificationDate());
			row.set("要介護認定状態", p.careLevel());
			row.date("認定有効開始年月日", p.validFrom());
			row.date("認定有効終了年月日", p.validTo());
		}
		row.set("市民区分", "市民");
		boolean atomicBombFacility = r.nextInt(100) == 0;
		row.set("ポイント助成対象外", atomicBombFacility ? "1" : "0");
		if (r.nextInt(100) < 12) {
			row.set("ポイント手帳交付申出者フラグ", "1");
			row.date("ポイント手帳交付申出書受付日", ref.minusDays(1 + r.nextInt(330)));
		}
		else {
			row.set("ポイント手帳交付申出者フラグ", "0");
		}
		row.set("障害・精神ポイント手帳希望者フラグ", "0");
		row.set("原爆入所者フラグ", atomicBombFacility ? "1" : "0");
		boolean refused = r.nextInt(1000) < 15;
		row.set("ポイント手帳不交付", refused ? "1" : "0");
		if (refused) {
			row.date("ポイント手帳不交付受付日", ref.minusDays(30 + r.nextInt(600)));
		}
		if (p.dead()) {
			row.set("ポイント手帳交付停止", "1");
			row.set("ポイント手帳交付停止年度", String.valueOf(p.deathDate().minusMonths(8).getYear()));
			row.set("ポイント手帳交付停止理由", "死亡");
		}
		else {
			row.set("ポイント手帳交付停止", "0");
		}
		if (r.nextInt(100) < 5) {
			row.set("ポイント手帳交付希望", "1");
			row.date("ポイント手帳交付希望日", ref.minusDays(1 + r.nextInt(200)));
		}
		row.set("転入区分", p.moveInDate() != null ? "転入" : "");
		row.set("データ使用不同意フラグ", r.nextInt(200) == 0 ? "1" : "0");
		boolean sent = !p.dead() && !refused && !atomicBombFacility && r.nextInt(100) < 90;
		row.set("ステータス", p.dead() ? "死亡" : sent ? "手帳送付済" : "未送付");
		row.set("追加交付ステータス", sent && r.nextInt(100) < 3 ? "追加交付済" : "");
		row.set("処理状況", sent ? "完了" : "保留");
		row.set("緊急停止", "0");
		row.date("死亡日", p.deathDate());
		if (r.nextInt(100) == 0) {
			row.set("メモ", new String[] { "電話にて住所確認済", "手帳再交付", "家族より問合せあり", "送付先変更の申出あり" }[r.nextInt(4)]);
		}
		if (sent) {
			// Booklets of the new business year are made in August (第2章, 第4章2).
			row.date("手帳作成日", LocalDate.of(ref.getYear(), 8, 1 + r.nextInt(20)));
		}
		if (!p.dead() && r.nextInt(100) < 35) {
			// Booklet of the previous business year handed in; points paid the month after receipt (第7章1(5)).
			LocalDate received = ref.minusYears(1).plusDays(r.nextInt(300));
			row.date("手帳受付日", received);
			if (r.nextInt(100) < 60) {
				LocalDate account = received.plusDays(r.nextInt(40));
				row.date("口座受付日", account);
				if (r.nextInt(100) < 5) {
					row.date("不備状送付日", account.plusDays(3 + r.nextInt(10)));
				}
				LocalDate pay = account.plusMonths(1).withDayOfMonth(account.plusMonths(1).lengthOfMonth());
				row.date("支払予定日", pay);
				row.set("振込有無", pay.isBefore(ref) ? "1" : "0");
			}
		}
	}

	private static String sex(Person p, Row row) {
		if (row.r.nextInt(20) == 0) {
			return p.sex() == 1 ? "男" : "女";
		}
		return String.valueOf(p.sex());
	}

	private static String postcode(String code, Row row) {
		return row.r.nextInt(10) < 7 ? code.substring(0, 3) + "-" + code.substring(3) : code;
	}

	// ---------------------------------------------------------------- 外字 and defects

	/** The cell holding the person's 外字, as written in this file's character set; null if none. */
	private ExpectedGaiji gaijiCell(Person p, Row row, long line) {
		if (p.gaiji().kind() == GaijiKind.NONE) {
			return null;
		}
		String column = p.gaiji().kind() == GaijiKind.SYMBOL ? "方書漢字" : "氏名漢字";
		return new ExpectedGaiji(line, column, row.get(column), encodable(p.gaiji().characters()));
	}

	/**
	 * A character Windows-31J cannot hold (𠮷) is written as 〓, as the city's systems do; the row is still flagged.
	 */
	private String encodable(String s) {
		// Every character the generator writes is in Windows-31J except supplementary ones (𠮷); a new
		// unencodable BMP character would still fail loudly in the strict CSV encoder rather than be lost.
		if (encoder == null || s.isEmpty() || s.codePoints().allMatch(Character::isBmpCodePoint) || encoder.canEncode(s)) {
			return s;
		}
		var sb = new StringBuilder();
		s.codePoints().forEach(cp -> {
			String c = new String(Character.toChars(cp));
			sb.append(encoder.canEncode(c) ? c : "〓");
		});
		return sb.toString();
	}

	/** Puts one defect into row {@code index}. */
	private ExpectedProblem spoil(int index, Person p, Row row, long line, ExpectedGaiji gaiji) {
		Random r = PersonFactory.stream(options.seed(), index, SALT_BAD + options.kind().ordinal());
		r.nextDouble(); // the draw isBad made
		var defects = EnumSet.allOf(Defect.class);
		if (options.kind() != SubjectFileKind.INDEX) {
			defects.remove(Defect.UNKNOWN_WARD_CODE);
		}
		if (index == 0 || isBad(index - 1)) {
			defects.remove(Defect.DUPLICATE_ADDRESS_NUMBER);
		}
		Defect defect = new ArrayList<>(defects).get(r.nextInt(defects.size()));
		boolean nameGaiji = gaiji != null && gaiji.column().equals("氏名漢字");
		String column;
		String value;
		long duplicateOf = 0;
		switch (defect) {
			case BAD_DATE -> {
				column = "生年月日";
				Style style = Style.values()[PersonFactory.weighted(r, BIRTH_STYLE_WEIGHTS)];
				value = DateText.impossible(p.birthDate(), style, r.nextInt(3));
			}
			case UNKNOWN_WARD_CODE -> {
				column = "区コード";
				value = new String[] { "109", "100", "34110", "201", "34202" }[r.nextInt(5)];
			}
			case BAD_POSTAL_CODE -> {
				column = "郵便番号";
				String code = p.home().code();
				value = switch (r.nextInt(3)) {
					case 0 -> code.substring(0, 3) + "-" + code.substring(3, 6);
					case 1 -> code.substring(0, 4) + "O" + code.substring(5);
					default -> code + r.nextInt(10);
				};
			}
			case BLANK_REQUIRED -> {
				var required = new ArrayList<String>();
				for (Column c : columns) {
					if (c.required() && !(nameGaiji && c.header().equals("氏名漢字"))) {
						required.add(c.header());
					}
				}
				column = required.get(r.nextInt(required.size()));
				value = "";
			}
			case DUPLICATE_ADDRESS_NUMBER -> {
				column = "宛名番号";
				value = people.person(index - 1L).addressNumber();
				duplicateOf = line - 1;
			}
			case BAD_ADDRESS_NUMBER -> {
				column = "宛名番号";
				char[] digits = p.addressNumber().toCharArray();
				digits[1 + r.nextInt(digits.length - 1)] = r.nextBoolean() ? 'O' : 'I';
				value = new String(digits);
			}
			case BAD_KANA -> {
				column = "氏名カナ";
				value = !nameGaiji && r.nextBoolean() ? p.nameKanji() : p.nameKana() + (1 + r.nextInt(9));
			}
			case BAD_SEX -> {
				column = "性別";
				value = r.nextBoolean() ? "3" : "9";
			}
			case BAD_CARE_LEVEL -> {
				column = "要介護認定状態";
				value = r.nextBoolean() ? "要介護6" : "要支援3";
			}
			case BAD_TICKET_TYPE -> {
				column = "利用券種";
				value = r.nextBoolean() ? "回数券" : "商品券";
			}
			default -> throw new IllegalStateException(defect.name());
		}
		row.set(column, value);
		row.dates[row.index(column)] = null;
		return new ExpectedProblem(line, column, defect, value, duplicateOf);
	}

	// ---------------------------------------------------------------- helpers

	/** The cells of one row, addressed by 別紙 header. */
	private final class Row {
		final String[] text;
		final LocalDate[] dates;
		final Random r;

		Row(String[] text, LocalDate[] dates, Random r) {
			this.text = text;
			this.dates = dates;
			this.r = r;
		}

		int index(String header) {
			Integer k = columnIndex.get(header);
			if (k == null) {
				throw new IllegalArgumentException("no column " + header + " in " + options.kind().code());
			}
			return k;
		}

		String get(String header) {
			return text[index(header)];
		}

		void set(String header, String value) {
			text[index(header)] = value == null ? "" : value;
		}

		void date(String header, LocalDate d) {
			write(header, d, DATE_STYLE_WEIGHTS);
		}

		void birthDate(String header, LocalDate d) {
			write(header, d, BIRTH_STYLE_WEIGHTS);
		}

		private void write(String header, LocalDate d, int[] styleWeights) {
			if (d == null) {
				return;
			}
			Style style = Style.values()[PersonFactory.weighted(r, styleWeights)];
			set(header, DateText.format(d, style));
			if (style == Style.SLASH && options.format() == OutputFormat.XLSX) {
				dates[index(header)] = d;
			}
		}
	}

	private static int[] weights(Object... styleAndWeight) {
		int[] w = new int[Style.values().length];
		for (int k = 0; k < styleAndWeight.length; k += 2) {
			w[((Style) styleAndWeight[k]).ordinal()] = (Integer) styleAndWeight[k + 1];
		}
		return w;
	}
}

package jp.ikiiki.desk.subjects.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectDetail.Address;
import jp.ikiiki.desk.subjects.SubjectDetail.BankAccount;
import jp.ikiiki.desk.subjects.SubjectDetail.Booklet;
import jp.ikiiki.desk.subjects.SubjectDetail.Care;
import jp.ikiiki.desk.subjects.SubjectDetail.GaijiFlag;
import jp.ikiiki.desk.subjects.SubjectDetail.Points;
import jp.ikiiki.desk.subjects.SubjectDetail.Records;
import jp.ikiiki.desk.subjects.SubjectDetail.Subsidy;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code subject} row into a {@link SubjectDetail}: the typed columns first, then the 別紙2 and 別紙3
 * records (text arrays in 別紙 column order: element n is column n of {@link SubjectFileKind}).
 */
@Component
class SubjectRecords {

	private static final TypeReference<List<Map<String, Object>>> GAIJI = new TypeReference<>() {
	};

	private final ObjectMapper json;

	SubjectRecords(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * @param rs       positioned on a {@code select * from subject} row
	 * @param today    the centre's day, for the age
	 * @param withBank whether to read the bank details at all (operators only)
	 */
	SubjectDetail detail(ResultSet rs, LocalDate today, boolean withBank) throws SQLException {
		var index = new Fields(SubjectFileKind.INDEX, values(rs, "index_record"));
		var progress = new Fields(SubjectFileKind.PROGRESS, values(rs, "progress_record"));
		LocalDate birth = rs.getObject("birth_date", LocalDate.class);
		Integer ward = rs.getObject("ward_code") == null ? null : rs.getInt("ward_code");
		String sex = rs.getString("sex");

		var residence = new Address(rs.getString("postal_code"), blankToNull(rs.getString("address")),
				blankToNull(rs.getString("address_extra")));
		var mailing = new Address(rs.getString("mail_postal_code"), blankToNull(rs.getString("mail_address")),
				blankToNull(rs.getString("mail_address_extra")));
		boolean hasMailing = mailing.postalCode() != null || mailing.address() != null || mailing.extra() != null;

		var care = new Care(
				first(progress.text("被保険者番号"), index.text("被保険者番号")),
				first(blankToNull(rs.getString("care_level")), progress.text("要介護認定状態"), index.text("要介護認定状態")),
				first(progress.date("認定申請日"), index.date("認定申請日")),
				first(progress.text("認定申請事由"), index.text("認定申請事由")),
				first(progress.date("認定日"), index.date("認定日")),
				first(progress.date("認定有効開始年月日"), index.date("認定有効開始日")),
				first(progress.date("認定有効終了年月日"), index.date("認定有効終了日")),
				first(index.text("障害種別"), progress.text("不送付事由（障害種別）")));

		var subsidy = new Subsidy(
				progress.flag("交通助成"),
				first(blankToNull(rs.getString("ticket_type")), progress.text("利用券種"), index.text("利用券種")),
				first(progress.text("決定事由"), index.text("決定事由")),
				index.text("受給状況"),
				index.text("処理状況"),
				index.integer("判定回数"),
				index.flag("継続者フラグ"),
				index.text("整理番号"),
				first(index.text("転入区分"), progress.text("転入区分")),
				index.date("転入日（住民年月日）"),
				index.date("住民となった日"),
				index.text("住登区分"),
				progress.flag("障害者交通助成"),
				progress.text("障害者利用券種"),
				progress.text("本人パスピーID"),
				progress.text("市民区分"));

		var booklet = new Booklet(
				progress.text("ステータス"), progress.text("追加交付ステータス"), progress.text("処理状況"),
				progress.flag("ポイント助成対象外"), progress.flag("ポイント手帳交付申出者フラグ"),
				progress.date("ポイント手帳交付申出書受付日"), progress.flag("障害・精神ポイント手帳希望者フラグ"),
				progress.flag("原爆入所者フラグ"), progress.flag("ポイント手帳不交付"), progress.date("ポイント手帳不交付受付日"),
				progress.flag("ポイント手帳交付停止"), progress.integer("ポイント手帳交付停止年度"),
				progress.text("ポイント手帳交付停止理由"), progress.flag("ポイント手帳交付希望"),
				progress.date("ポイント手帳交付希望日"), progress.text("転入区分"), progress.flag("データ使用不同意フラグ"),
				progress.flag("緊急停止"), progress.date("死亡日"), progress.text("メモ"), progress.date("手帳作成日"),
				progress.date("手帳受付日"), progress.date("口座受付日"), progress.date("不備状送付日"),
				progress.date("支払予定日"), progress.flag("振込有無"), progress.text("手帳スキャンイメージファイル名"),
				progress.text("追加手帳スキャンイメージファイル名"), progress.text("郵便引受番号"), progress.date("抽出日"),
				progress.text("備考"));

		var checkups = new ArrayList<Integer>(14);
		for (int i = 1; i <= 14; i++) {
			checkups.add(progress.integer("受診2P_" + i));
		}
		var points = new Points(progress.integer("活動4P"), progress.integer("活動2P"), java.util.Collections.unmodifiableList(checkups),
				progress.integer("受診2P小計"), progress.integer("健康1P"), progress.integer("ポイント合計"),
				progress.integer("上限ポイント"), progress.integer("支払金額"));

		BankAccount bank = null;
		if (withBank) {
			var b = new BankAccount(progress.text("金融機関コード"), progress.text("金融機関名"), progress.text("店舗コード"),
					progress.text("口座名義人"));
			bank = b.bankCode() == null && b.bankName() == null && b.branchCode() == null && b.holder() == null ? null : b;
		}

		List<GaijiFlag> gaiji = new ArrayList<>();
		List<Map<String, Object>> flags = read(rs.getString("gaiji"), GAIJI);
		if (flags != null) {
			for (var f : flags) {
				gaiji.add(new GaijiFlag(str(f.get("column")), str(f.get("value")), str(f.get("chars"))));
			}
		}

		var records = new Records(index.present(), rs.getObject("index_ended_at", OffsetDateTime.class),
				progress.present(), rs.getObject("progress_ended_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));

		return new SubjectDetail(rs.getString("address_number"), blankToNull(rs.getString("management_number")),
				rs.getString("name_kana"), rs.getString("name_kanji"), blankToNull(rs.getString("alias_kanji")),
				"1".equals(sex) ? "男" : "2".equals(sex) ? "女" : null, birth,
				birth == null ? 0 : Period.between(birth, today).getYears(), ward, Wards.name(ward),
				residence, hasMailing ? mailing : null, care, subsidy, booklet, points, bank, List.copyOf(gaiji), records);
	}

	private static String[] values(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		if (array == null) {
			return null;
		}
		try {
			return (String[]) array.getArray();
		} finally {
			array.free();
		}
	}

	private <T> T read(String text, TypeReference<T> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return json.readValue(text, type);
		} catch (JsonProcessingException e) {
			// The message would quote personal data; the column is enough to find the row.
			throw new IllegalStateException("unreadable gaiji jsonb in table subject");
		}
	}

	@SafeVarargs
	private static <T> T first(T... values) {
		for (T v : values) {
			if (v != null) {
				return v;
			}
		}
		return null;
	}

	private static String str(Object o) {
		return o == null ? null : String.valueOf(o);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/** The cells of one city record, read by their exact 別紙 header. */
	private static final class Fields {
		private final SubjectFileKind kind;
		private final String[] cells;

		Fields(SubjectFileKind kind, String[] cells) {
			this.kind = kind;
			this.cells = cells;
		}

		boolean present() {
			return cells != null;
		}

		String text(String header) {
			int n = kind.column(header).number(); // a misspelt header fails loudly, not silently as "blank"
			if (cells == null || n > cells.length) {
				return null;
			}
			String v = cells[n - 1];
			return v == null || v.isBlank() ? null : v.strip();
		}

		Boolean flag(String header) {
			String v = text(header);
			return v == null ? null : "1".equals(v) ? Boolean.TRUE : "0".equals(v) ? Boolean.FALSE : null;
		}

		Integer integer(String header) {
			String v = text(header);
			if (v == null) {
				return null;
			}
			try {
				return Integer.valueOf(v);
			} catch (NumberFormatException e) {
				return null;
			}
		}

		LocalDate date(String header) {
			String v = text(header);
			if (v == null) {
				return null;
			}
			try {
				return LocalDate.parse(v);
			} catch (DateTimeParseException e) {
				return JapaneseDates.tryParse(v);
			}
		}
	}
}

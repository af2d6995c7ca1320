package jp.ikiiki.desk.groups.publiclists;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupDirectory;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public group lists (第9章1(6), 毎月中旬): ア a PDF per ward and category, イ a searchable XLSX per category, made
 * from the registered groups ({@link GroupDirectory#active}) with the columns the city configured
 * ({@link PublicListProperties}), ordered by kana. Every file is checked before it is handed out
 * ({@link PrivateFieldCheck}); a file in which a private value is found is not handed out at all.
 */
@Service
@EnableConfigurationProperties(PublicListProperties.class)
class PublicLists {

	/** A file made and checked. */
	record Generated(String fileName, String contentType, byte[] content, PrivateFieldCheck.Report report) {
	}

	/** A file in which the check found a private value: refused, with the report. */
	static final class PrivateValueFound extends StateConflictException {
		private final transient PrivateFieldCheck.Report report;

		PrivateValueFound(PrivateFieldCheck.Report report) {
			super("公開用の一覧に公開しない項目の値が含まれていたため、ファイルを出力しませんでした（" + report.findings().size()
					+ "件）。設定した項目と団体の登録内容を確認してください。");
			this.report = report;
			with("fileName", report.fileName());
			with("findings", report.findings());
		}

		PrivateFieldCheck.Report report() {
			return report;
		}
	}

	static final String PDF = "application/pdf";
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final GroupDirectory groups;
	private final PublicListProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	PublicLists(GroupDirectory groups, PublicListProperties properties, AuditTrail audit,
			ObjectProvider<Clock> clock) {
		this.groups = groups;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The category's name in the files (the contract's split: 一般, 医科, 歯科 節目/後期, 薬局). */
	static String label(GroupCategory category) {
		return switch (category) {
			case GENERAL -> "一般の活動団体";
			case MEDICAL -> "医療機関（医科）";
			case DENTAL_MILESTONE -> "医療機関（歯科・節目年齢歯科健診）";
			case DENTAL_LATE_ELDERLY -> "医療機関（歯科・後期高齢者歯科健診）";
			case PHARMACY -> "薬局";
		};
	}

	/**
	 * Makes and checks one file: the PDF of a ward and category, or the XLSX of a category (every ward).
	 *
	 * @throws InvalidInputException a PDF without a ward
	 * @throws PrivateValueFound     the check found a private value (nothing is handed out)
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Transactional(readOnly = true)
	public Generated generate(Ward ward, GroupCategory category, PrivateFieldCheck.Format format, String channel) {
		if (category == null) {
			throw new InvalidInputException("category", "区分を指定してください。");
		}
		if (format == PrivateFieldCheck.Format.PDF && ward == null) {
			throw new InvalidInputException("ward", "PDF は区ごとに作成します。区（101〜108）を指定してください。");
		}
		List<GroupProfile> active = groups.active();
		LocalDate today = LocalDate.now(clock.withZone(JapanTime.ZONE));
		List<GroupProfile> listed = active.stream().filter(g -> g.category() == category)
				.filter(g -> format == PrivateFieldCheck.Format.XLSX || g.ward() == ward)
				.sorted(Comparator.comparing((GroupProfile g) -> g.ward().code())
						.thenComparing(g -> jp.ikiiki.desk.shared.Kana.searchKey(g.nameKana()))
						.thenComparing(GroupProfile::id))
				.toList();
		List<PublicListProperties.Column> columns = properties.columns().stream()
				.filter(c -> format == PrivateFieldCheck.Format.XLSX || !c.field().equals(PublicField.WARD.name()))
				.toList();
		List<List<String>> rows = new ArrayList<>();
		for (GroupProfile g : listed) {
			rows.add(columns.stream().map(c -> {
				PublicField f = PublicField.valueOf(c.field());
				return f == PublicField.CATEGORY ? label(g.category()) : f.valueOf(g);
			}).toList());
		}
		List<String> headings = columns.stream().map(PublicListProperties.Column::heading).toList();
		List<Integer> widths = columns.stream().map(PublicListProperties.Column::width).toList();
		String month = today.getYear() + "-" + String.format("%02d", today.getMonthValue());
		String fileName;
		byte[] content;
		String type;
		if (format == PrivateFieldCheck.Format.PDF) {
			fileName = "活動団体一覧_" + ward.japaneseName() + "_" + label(category) + "_" + month + ".pdf";
			content = PublicListPdf.write(new PublicListPdf.Table("活動団体一覧　" + ward.japaneseName() + "　" + label(category),
					today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日現在　掲載 "
							+ listed.size() + " 件",
					headings, widths, rows));
			type = PDF;
		} else {
			fileName = "活動団体一覧_" + label(category) + "_" + month + ".xlsx";
			content = PublicListXlsx.write(label(category), headings, widths, rows);
			type = XLSX;
		}
		var report = PrivateFieldCheck.check(fileName, format, content, active, properties.fields());
		audit.recordFile(AuditAction.EXPORT, channel, fileName, "公開用活動団体一覧 groups=" + listed.size() + " check="
				+ (report.passed() ? "passed" : "failed") + " values=" + report.valuesChecked() + " findings="
				+ report.findings().size());
		if (!report.passed()) {
			throw new PrivateValueFound(report);
		}
		return new Generated(fileName, type, content, report);
	}

	/** Checks a file someone has (a list from elsewhere, or one changed by hand) against the registered groups. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Transactional(readOnly = true)
	public PrivateFieldCheck.Report check(String fileName, PrivateFieldCheck.Format format, byte[] content) {
		return PrivateFieldCheck.check(fileName, format, content, groups.active(), properties.fields());
	}
}

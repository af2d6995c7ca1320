package jp.ikiiki.desk.progress.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.progress.ProgressList;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import org.springframework.stereotype.Component;

/**
 * 対象者別進捗状況一覧 (第9章1(2), 第10章3), 毎月中旬: for the period {@code yyyy-MM} one zip holding the progress list of
 * every business year open when it is generated, each as XLSX ({@code 対象者別進捗状況一覧_2025.xlsx}; 事業年度を分けて作成する,
 * 第7章2), all read from the one snapshot the deliverables module opens.
 */
@Component
class ProgressListKind implements DeliverableKind {

	static final String CHANNEL = "提出物:対象者別進捗状況一覧";

	private final ProgressListService lists;
	private final BusinessYears years;

	ProgressListKind(ProgressListService lists, BusinessYears years) {
		this.lists = lists;
		this.years = years;
	}

	@Override
	public String code() {
		return DeliverableKinds.PROGRESS_LIST;
	}

	@Override
	public String label() {
		return "対象者別進捗状況一覧";
	}

	@Override
	public String category() {
		return "ポイント事業対象者";
	}

	@Override
	public String clause() {
		return "第9章1(2), 第10章3";
	}

	@Override
	public DeliverableSchedule schedule() {
		return DeliverableSchedule.MID_MONTH;
	}

	@Override
	public DeliverableFile generate(String period) {
		if (period == null || !period.matches("\\d{4}-\\d{2}")) {
			throw new NotFoundException("指定の期間はありません。");
		}
		List<Integer> open = years.open().stream().map(BusinessYear::year).sorted().toList();
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (int year : open) {
				zip.putNextEntry(new ZipEntry(ProgressList.fileName(year, ProgressList.Format.XLSX)));
				lists.writeDeliverable(year, zip, CHANNEL);
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new DeliverableFile("対象者別進捗状況一覧_" + period + ".zip", "application/zip", bytes.toByteArray());
	}
}

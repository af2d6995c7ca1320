package jp.ikiiki.desk.agentdesk.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.reports.ReportContribution;
import org.springframework.stereotype.Component;

/**
 * 問合せ区分別件数 in the daily report and monthly summary (第6章1(4): the calls classified): the closed call log
 * entries of the days per category, every category shown even at zero (retired ones only if they have calls), and
 * how many of them were manual entries (logged without telephony).
 */
@Component
class CategoryContribution implements ReportContribution {

	static final String MANUAL_GROUP = "うち手動記録（電話システム外）";

	private final JdbcInquiryCategories categories;
	private final CallLogStore store;

	CategoryContribution(JdbcInquiryCategories categories, CallLogStore store) {
		this.categories = categories;
		this.store = store;
	}

	@Override
	public String key() {
		return "categories";
	}

	@Override
	public String title() {
		return "問合せ区分別件数";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public List<ReportLine> lines(LocalDate from, LocalDate to) {
		Map<Long, Long> all = counts(store.countsByCategory(from, to, false));
		Map<Long, Long> manual = counts(store.countsByCategory(from, to, true));
		List<InquiryCategory> list = categories.list();
		List<ReportLine> lines = new ArrayList<>();
		for (InquiryCategory c : list) {
			boolean hasChildren = list.stream().anyMatch(k -> k.parentId() != null && k.parentId() == c.id());
			long n = all.getOrDefault(c.id(), 0L);
			// A first-level category with children is a heading; calls logged on it before it had children still count.
			if (hasChildren && n == 0 || !c.active() && n == 0) {
				continue;
			}
			lines.add(c.parentId() == null ? new ReportLine(null, c.name(), n) : new ReportLine(c.parentName(), c.name(), n));
		}
		long manualTotal = manual.values().stream().mapToLong(Long::longValue).sum();
		lines.add(new ReportLine(null, MANUAL_GROUP, manualTotal));
		return lines;
	}

	private static Map<Long, Long> counts(List<CallLogStore.CategoryCount> counts) {
		return counts.stream().filter(c -> c.categoryId() != null)
				.collect(Collectors.toMap(CallLogStore.CategoryCount::categoryId, CallLogStore.CategoryCount::count));
	}
}

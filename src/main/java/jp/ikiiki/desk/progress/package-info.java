/**
 * The per-business-year progress record (別紙3 columns 49–84 per person and business year, 第7章2): filled from the
 * tally's verified figures (cols 50, 55–75), by later modules through {@link jp.ikiiki.desk.progress.ProgressUpdates}
 * (notice and payment dates, bank details, 引受番号), and once from the predecessor's data (opening balances,
 * 第9章1(1)); exported as the 84-column 対象者別進捗状況一覧 (第9章1(2)).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress")
package jp.ikiiki.desk.progress;
